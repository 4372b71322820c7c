package dev.idvharness.conformance;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The JSON Schemas (draft 2020-12) under {@code src/test/resources/schemas/}, by file name without {@code .json}. */
final class Schemas {

  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

  private Schemas() {}

  /** What in {@code json} breaks the schema; empty when it conforms. */
  static List<String> violations(String schemaName, String json) {
    Schema schema = LOADED.computeIfAbsent(schemaName, Schemas::load);
    try {
      return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    } catch (RuntimeException notJson) {
      return List.of("the body is not JSON (" + notJson.getClass().getSimpleName() + ")");
    }
  }

  /** True when a schema of that name exists (e.g. the [doc] core {@code doc/cyberark_envelope}). */
  static boolean exists(String schemaName) {
    return Schemas.class.getResource("/schemas/" + schemaName + ".json") != null;
  }

  private static Schema load(String name) {
    String resource = "/schemas/" + name + ".json";
    try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no schema " + resource + " on the test classpath");
      }
      return REGISTRY.getSchema(in, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
