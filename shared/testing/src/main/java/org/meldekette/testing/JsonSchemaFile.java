package org.meldekette.testing;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * A JSON Schema (draft 2020-12) in {@code api/}, for checking documents that are not HTTP answers.
 */
public final class JsonSchemaFile {
  private final Schema schema;

  private JsonSchemaFile(Schema schema) {
    this.schema = schema;
  }

  public static JsonSchemaFile of(String name) {
    try {
      String text = Files.readString(ProjectFiles.root().resolve("api").resolve(name));
      SchemaRegistry registry =
          SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_2020_12,
              builder ->
                  builder.schemaRegistryConfig(
                      SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
      return new JsonSchemaFile(registry.getSchema(text, InputFormat.JSON));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What is wrong with a JSON document, by the schema; empty when it is valid. */
  public List<String> problems(String json) {
    return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
  }
}
