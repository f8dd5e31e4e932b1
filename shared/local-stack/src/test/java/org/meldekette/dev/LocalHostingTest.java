package org.meldekette.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meldekette.testing.ProjectFiles;
import org.meldekette.testing.TestHttp;

/**
 * The local stand-in for Firebase Hosting serves the form as firebase.json says, and nothing else.
 */
class LocalHostingTest {
  private final Map<String, String> received = new ConcurrentHashMap<>();
  private HttpServer function;
  private HttpServer hosting;
  private HostingConfig config;

  @BeforeEach
  void start() throws IOException {
    // Stands in for report-intake's port: records what the hosting passed on and answers like the
    // function.
    function = LocalHttpServer.create(0);
    function.createContext(
        "/",
        exchange -> {
          received.put("method", exchange.getRequestMethod());
          received.put("path", exchange.getRequestURI().getPath());
          exchange
              .getRequestHeaders()
              .forEach((name, values) -> received.put(name.toLowerCase(), values.get(0)));
          received.put(
              "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] answer = "{\"incidentId\":\"INC-1\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
          exchange.sendResponseHeaders(201, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    function.start();
    config = HostingConfig.read(ProjectFiles.root().resolve("firebase.json"));
    hosting =
        new LocalHosting(
                config,
                Map.of(
                    "report-intake",
                    URI.create("http://127.0.0.1:" + function.getAddress().getPort() + "/"),
                    "incident-lifecycle",
                    URI.create("http://127.0.0.1:" + function.getAddress().getPort() + "/"),
                    "evidence-vault",
                    URI.create("http://127.0.0.1:" + function.getAddress().getPort() + "/")))
            .start(0);
  }

  @AfterEach
  void stop() {
    hosting.stop(0);
    function.stop(0);
  }

  @Test
  void servesTheFormWithTheHeadersOfFirebaseJson() throws IOException {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body()).isEqualTo(Files.readString(config.publicDir().resolve("index.html")));
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(get("/form.js").headers().firstValue("Content-Type"))
        .hasValue("text/javascript; charset=utf-8");
    assertThat(get("/form.js").headers().firstValue("Content-Security-Policy")).hasValue(csp);
  }

  @Test
  void thePagesOwnPolicyIsTheHostingPolicyWithoutWhatOnlyAHeaderCanSay() throws IOException {
    String header =
        config.headersFor("/index.html").stream()
            .filter(h -> h.name().equals("Content-Security-Policy"))
            .findFirst()
            .orElseThrow()
            .value();
    Matcher meta =
        Pattern.compile("http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\"")
            .matcher(Files.readString(config.publicDir().resolve("index.html")));
    assertThat(meta.find()).isTrue();
    assertThat(meta.group(1) + "; frame-ancestors 'none'").isEqualTo(header);
  }

  @Test
  void nothingOutsideThePublicFolderIsServed() {
    assertThat(get("/../firebase.json").statusCode()).isEqualTo(404);
    assertThat(get("/%2e%2e/firebase.json").statusCode()).isEqualTo(404);
    assertThat(get("/missing.html").statusCode()).isEqualTo(404);
    assertThat(TestHttp.send("DELETE", uri("/index.html"), (byte[]) null).statusCode())
        .isEqualTo(405);
  }

  @Test
  void theReportRewriteReachesTheFunctionWithWhatItNeeds() {
    HttpResponse<String> answer =
        TestHttp.send(
            "POST",
            uri("/api/report"),
            "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8),
            "Content-Type",
            "application/json",
            "Idempotency-Key",
            "key-1",
            "Origin",
            "http://localhost:5000",
            "Cookie",
            "session=secret");
    assertThat(answer.statusCode()).isEqualTo(201);
    assertThat(answer.body()).isEqualTo("{\"incidentId\":\"INC-1\"}");
    assertThat(answer.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(received)
        .containsEntry("method", "POST")
        .containsEntry("path", "/api/report")
        .containsEntry("x-forwarded-for", "127.0.0.1")
        .containsEntry("body", "{\"title\":\"x\"}")
        .containsEntry("idempotency-key", "key-1")
        .containsEntry("origin", "http://localhost:5000")
        .containsEntry("content-type", "application/json")
        .doesNotContainKey("cookie");
  }

  @Test
  void theConsolesApiCallsReachIncidentLifecycleWithTheirPathTokenAndETag() {
    TestHttp.send(
        "PUT",
        uri("/api/staff/incidents/INC-1/triage?x=1"),
        "{}".getBytes(StandardCharsets.UTF_8),
        "Content-Type",
        "application/json",
        "Authorization",
        "Bearer token",
        "If-Match",
        "\"3\"");
    assertThat(received)
        .containsEntry("path", "/api/staff/incidents/INC-1/triage")
        .containsEntry("authorization", "Bearer token")
        .containsEntry("if-match", "\"3\"");
  }

  @Test
  void theConsoleHasItsOwnPolicyForGoogleSignInTheLastRuleWinning() {
    List<HostingConfig.Header> console = config.headersFor("/console/index.html");
    assertThat(console.stream().filter(h -> h.name().equals("Content-Security-Policy")))
        .singleElement()
        .satisfies(
            h ->
                assertThat(h.value())
                    .contains("script-src 'self' https://accounts.google.com/gsi/client")
                    .contains("default-src 'none'")
                    .doesNotContain("unsafe"));
    assertThat(console).anyMatch(h -> h.name().equals("X-Content-Type-Options"));
    assertThat(
            config.headersFor("/index.html").stream()
                .filter(h -> h.name().equals("Content-Security-Policy"))
                .findFirst()
                .orElseThrow()
                .value())
        .as("the report form keeps the strict one")
        .doesNotContain("accounts.google.com");
  }

  @Test
  void aRewriteWithoutAFunctionUrlIsRefusedAtStart() {
    assertThatThrownBy(() -> new LocalHosting(config, Map.of()))
        .hasMessageContaining("report-intake");
  }

  private HttpResponse<String> get(String path) {
    return TestHttp.send("GET", uri(path), (byte[]) null);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + hosting.getAddress().getPort() + path);
  }
}
