package dev.idvharness.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The JUnit XML the reports give CI servers (the load gates, the stub's client report, the drift report): one
 * document of suites of test cases, each passing, failing with its message or skipped; the counts add themselves.
 */
public final class JUnitXml {

  private final String name;
  private final List<Suite> suites = new ArrayList<>();

  public JUnitXml(String name) {
    this.name = name;
  }

  public Suite suite(String suiteName) {
    Suite suite = new Suite(suiteName);
    suites.add(suite);
    return suite;
  }

  public String render() {
    StringBuilder body = new StringBuilder();
    int tests = 0;
    int failures = 0;
    for (Suite suite : suites) {
      body.append("  <testsuite name=\"").append(Markup.escape(suite.name)).append("\" tests=\"").append(suite.tests)
          .append("\" failures=\"").append(suite.failures).append("\" errors=\"0\" skipped=\"").append(suite.skipped)
          .append("\">\n").append(suite.cases).append("  </testsuite>\n");
      tests += suite.tests;
      failures += suite.failures;
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"" + Markup.escape(name) + "\" tests=\""
        + tests + "\" failures=\"" + failures + "\">\n" + body + "</testsuites>\n";
  }

  /** One suite: a simulation's gates, its client findings, the drift of a run. */
  public static final class Suite {

    private final String name;
    private final StringBuilder cases = new StringBuilder();
    private int tests;
    private int failures;
    private int skipped;

    private Suite(String name) {
      this.name = name;
    }

    /** A passing case when {@code failure} is null; otherwise failing with that message and {@code detail}. */
    public Suite testCase(String className, String caseName, String failure, String type, String detail) {
      tests++;
      if (failure == null) {
        cases.append(head(className, caseName)).append("/>\n");
        return this;
      }
      failures++;
      cases.append(head(className, caseName)).append(">\n      <failure message=\"").append(Markup.escape(failure))
          .append("\" type=\"").append(Markup.escape(type)).append("\">").append(Markup.escape(detail))
          .append("</failure>\n    </testcase>\n");
      return this;
    }

    /** A case seen and reported, not judged (a drift kind the run does not fail on). */
    public Suite skipped(String className, String caseName, String message) {
      tests++;
      skipped++;
      cases.append(head(className, caseName)).append(">\n      <skipped message=\"").append(Markup.escape(message))
          .append("\"/>\n    </testcase>\n");
      return this;
    }

    private static String head(String className, String caseName) {
      return "    <testcase classname=\"" + Markup.escape(className) + "\" name=\"" + Markup.escape(caseName)
          + "\" time=\"0\"";
    }
  }
}
