package dev.idvharness.stub.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi/idv-stubs.json: valid OpenAPI 3.1 for the reference parser, its copies of the conformance suite's
 * JSON Schemas equal to the suite's files, the same bytes in the jar, and a path for every mapping under stubs/.
 */
class OpenApiDescriptionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SUITE_SCHEMAS = Path.of("src/test/resources/schemas");

  @Test
  void isValidOpenApi31WithoutAnyMessageFromTheSwaggerParser() throws IOException {
    for (boolean resolve : new boolean[] {false, true}) {
      ParseOptions options = new ParseOptions();
      options.setResolve(resolve);
      options.setValidateInternalRefs(true);

      SwaggerParseResult result = new OpenAPIV3Parser()
          .readContents(Files.readString(StubAnswerValidator.DESCRIPTION), null, options);

      assertThat(result.getMessages()).as("parser messages, resolve=%s", resolve).isEmpty();
      assertThat(result.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
      assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
      assertThat(result.getOpenAPI().getPaths()).containsKeys("/CDirectoryService/StartAuthentication",
          "/CDirectoryService/SendIdentityVerification", "/v1/validate", StubAnswerValidator.ANY_OTHER_PATH,
          "/__admin/idv/profile", "/__admin/idv/stats", "/__admin/idv/openapi.json");
    }
  }

  /**
   * One source: each schema of src/test/resources/schemas/ is in components/schemas under its file name, as the file
   * says, less its $schema and $id and with its own references re-rooted there ("#/$defs/x" becomes
   * "#/components/schemas/name/$defs/x"): inside the description a reference resolves against the document.
   */
  @Test
  void itsCopiesOfTheSuitesSchemasAreTheSuitesSchemas() throws IOException {
    JsonNode components = description().path("components").path("schemas");
    List<Path> files;
    try (Stream<Path> listed = Files.list(SUITE_SCHEMAS)) {
      files = listed.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(8);

    for (Path file : files) {
      String name = file.getFileName().toString().replaceFirst("\\.json$", "");
      JsonNode expected = asEmbedded(JSON.readTree(file.toFile()), name);
      assertThat(components.path(name))
          .as("components/schemas/%s must be %s as embedded; put this there:%n%s", name, file,
              JSON.writerWithDefaultPrettyPrinter().writeValueAsString(expected))
          .isEqualTo(expected);
    }
  }

  @Test
  void theJarCarriesTheSameBytes() throws IOException {
    try (InputStream copy = getClass().getResourceAsStream("/dev/idvharness/stub/admin/idv-stubs.json")) {
      assertThat(copy).as("the build's copy in target/classes (pom.xml, resources)").isNotNull();
      assertThat(copy.readAllBytes()).isEqualTo(Files.readAllBytes(StubAnswerValidator.DESCRIPTION));
    }
  }

  @Test
  void everyMappingUnderStubsHasItsPathAndMethod() throws IOException {
    JsonNode paths = description().path("paths");
    List<String> missing = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("stubs/mappings"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        for (JsonNode mapping : JSON.readTree(file.toFile()).path("mappings")) {
          JsonNode request = mapping.path("request");
          // a vendor path in any letter case is one path of the description: "(?i)/CDirectoryService/..."
          String pattern = request.path("urlPathPattern").asText();
          String path = request.has("urlPath") ? request.path("urlPath").asText()
              : pattern.startsWith("(?i)/") ? pattern.substring(4) : null;
          if (path != null) {
            checked.add(path);
            String method = request.path("method").asText().toLowerCase();
            if (!paths.path(path).has(method)) {
              missing.add(method + " " + path + " (" + file + ")");
            }
          }
        }
      }
    }
    assertThat(missing).isEmpty();
    assertThat(checked).as("the vendor paths checked").contains("/CDirectoryService/StartAuthentication",
        "/CDirectoryService/SendIdentityVerification", "/Security/StartAuthentication",
        "/Security/AdvanceAuthentication", "/v1/validate");
  }

  private static JsonNode description() throws IOException {
    return JSON.readTree(StubAnswerValidator.DESCRIPTION.toFile());
  }

  private static JsonNode asEmbedded(JsonNode schema, String name) {
    ObjectNode copy = ((ObjectNode) schema).deepCopy();
    copy.remove(List.of("$schema", "$id"));
    reroot(copy, name);
    return copy;
  }

  private static void reroot(JsonNode node, String name) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (field.getKey().equals("$ref") && field.getValue().asText().startsWith("#/")) {
          field.setValue(new TextNode("#/components/schemas/" + name + field.getValue().asText().substring(1)));
        } else {
          reroot(field.getValue(), name);
        }
      }
    } else if (node != null && node.isArray()) {
      node.forEach(item -> reroot(item, name));
    }
  }
}
