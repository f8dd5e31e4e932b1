package org.meldekette.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** infra/ parses and is formatted as {@code terraform fmt} writes it (which needs no providers). */
class TerraformFormatTest {

  @Test
  void everyFileParsesAsHcl() {
    assertThat(Terraform.config())
        .containsKeys("resource", "variable", "locals", "terraform", "output");
  }

  @Test
  void theFilesAreFormattedAsTerraformFmtWritesThem() throws Exception {
    String path = System.getenv().getOrDefault("PATH", "");
    boolean terraform =
        java.util.Arrays.stream(path.split(File.pathSeparator))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, "terraform")));
    assumeTrue(terraform, "terraform is not installed: the format check is skipped");
    Process fmt =
        new ProcessBuilder(
                "terraform", "fmt", "-check", "-recursive", "-diff", Terraform.INFRA.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(fmt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(fmt.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(fmt.exitValue()).as(output).isZero();
  }
}
