package dev.idvharness.drift;

import dev.idvharness.config.DriftKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** The drift report's files: a kind in drift.failOn fails its test case, any other is reported as skipped. */
class DriftReportTest {

  @TempDir
  Path dir;

  @Test
  void aKindToFailOnFailsItsCaseAndTheOthersAreSkipped() throws Exception {
    List<Difference> differences = List.of(
        new Difference("cyberark.StartAuthentication", "Result.Challenges", DriftKind.TYPE_CHANGED, "array",
            "object"),
        new Difference("ironvest.validate", "riskScore", DriftKind.NEW_IN_VENDOR, "(absent)", "number"));

    DriftReport.write(dir, Map.of("target", "sandbox <eu>"), differences, List.of(),
        EnumSet.of(DriftKind.TYPE_CHANGED), Instant.parse("2026-12-02T10:00:00Z"));

    Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(dir.resolve("TEST-drift.xml").toFile()).getDocumentElement();
    assertThat(root.getAttribute("tests")).isEqualTo("2");
    assertThat(root.getAttribute("failures")).isEqualTo("1");
    assertThat(root.getElementsByTagName("failure").item(0).getAttributes().getNamedItem("message").getNodeValue())
        .isEqualTo("type-changed: stubs array, vendor object");
    assertThat(root.getElementsByTagName("skipped").getLength()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("index.html"))).contains("sandbox &lt;eu&gt;");
  }
}
