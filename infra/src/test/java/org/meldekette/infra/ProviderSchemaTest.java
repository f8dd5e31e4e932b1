package org.meldekette.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every resource type, argument and nested block of infra/*.tf exists in the provider versions
 * versions.tf pins, checked offline against the providers' real schemas.
 */
class ProviderSchemaTest {
  private static final ProviderSchema SCHEMA = ProviderSchema.load();

  @Test
  void theSchemasAreOfTheProviderVersionsInfraPins() {
    assertThat(SCHEMA.providers()).containsOnlyKeys("google", "archive", "time");
    String versions = Terraform.read("infra/versions.tf");
    assertThat(SCHEMA.providers().get("google")).startsWith("6.");
    assertThat(versions).contains("version = \"~> 6.10\"");
    assertThat(SCHEMA.providers().get("archive")).startsWith("2.");
    assertThat(SCHEMA.providers().get("time")).startsWith("0.1");
  }

  @Test
  void everyResourceTypeArgumentAndBlockOfInfraIsInTheProvidersSchema() {
    assertThat(SCHEMA.problems(Terraform.config())).isEmpty();
  }

  @Test
  void aMisspeltArgumentAnUnknownBlockAndAnUnknownTypeAreCaught() throws Exception {
    Map<String, Object> config =
        new HCLParser()
            .parse(
                """
                resource "google_pubsub_subscription" "inspection" {
                  name  = "dead-letters"
                  topc  = "t"
                  expiration_policy {
                    tll = ""
                  }
                  depends_on = []
                }
                resource "google_cloudfunctions2_function" "f" {
                  name = "f"
                  dynamic "event_triger" {
                    for_each = []
                    content {}
                  }
                }
                data "google_projekt" "this" {}
                """);
    assertThat(SCHEMA.problems(config))
        .containsExactlyInAnyOrder(
            "resource google_pubsub_subscription.inspection: unknown argument or block topc",
            "resource google_pubsub_subscription.inspection.expiration_policy: unknown argument or block tll",
            "resource google_cloudfunctions2_function.f: no block event_triger (dynamic)",
            "data google_projekt.this: the providers have no data type google_projekt");
  }
}
