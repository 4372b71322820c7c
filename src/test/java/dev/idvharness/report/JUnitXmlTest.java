package dev.idvharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The one JUnit XML writer: a document a real XML parser reads, counts that add up, hostile text escaped. */
class JUnitXmlTest {

  @Test
  void passingFailingAndSkippedCasesAreCountedPerSuiteAndInTotal() throws Exception {
    JUnitXml xml = new JUnitXml("load gates");
    xml.suite("load.A").testCase("load.A", "p95 <= 500 ms", null, "gate", "")
        .testCase("load.A", "p99 \"quoted\" & <tagged>", "threshold 1, measured 2", "gate", "detail <b>");
    xml.suite("drift").skipped("drift.op", "path kind", "stubs x, vendor y");

    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.render().getBytes(StandardCharsets.UTF_8)));

    Element root = document.getDocumentElement();
    assertThat(root.getAttribute("tests")).isEqualTo("3");
    assertThat(root.getAttribute("failures")).isEqualTo("1");
    Element first = (Element) root.getElementsByTagName("testsuite").item(0);
    assertThat(first.getAttribute("tests")).isEqualTo("2");
    assertThat(first.getAttribute("failures")).isEqualTo("1");
    Element second = (Element) root.getElementsByTagName("testsuite").item(1);
    assertThat(second.getAttribute("skipped")).isEqualTo("1");
    Element failing = (Element) document.getElementsByTagName("testcase").item(1);
    assertThat(failing.getAttribute("name")).isEqualTo("p99 \"quoted\" & <tagged>");
    assertThat(failing.getElementsByTagName("failure").item(0).getTextContent()).isEqualTo("detail <b>");
  }
}
