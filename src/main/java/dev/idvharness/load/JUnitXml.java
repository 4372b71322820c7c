package dev.idvharness.load;

/**
 * The JUnit XML the reports give CI servers (the gates, the stub's client report): one document of suites of test
 * cases, a failing case with its message. Escaped with {@link ReportIndex#escape}, the one escape of the reports.
 */
final class JUnitXml {

  private JUnitXml() {}

  /** A passing case when {@code failure} is null; otherwise failing with that message and {@code detail}. */
  static String testCase(String className, String name, String failure, String type, String detail) {
    String head = "    <testcase classname=\"" + ReportIndex.escape(className) + "\" name=\"" + ReportIndex.escape(name)
        + "\" time=\"0\"";
    if (failure == null) {
      return head + "/>\n";
    }
    return head + ">\n      <failure message=\"" + ReportIndex.escape(failure) + "\" type=\"" + type + "\">"
        + ReportIndex.escape(detail) + "</failure>\n    </testcase>\n";
  }

  static String suite(String name, int tests, int failures, CharSequence cases) {
    return "  <testsuite name=\"" + ReportIndex.escape(name) + "\" tests=\"" + tests + "\" failures=\"" + failures
        + "\" errors=\"0\" skipped=\"0\">\n" + cases + "  </testsuite>\n";
  }

  static String document(String name, int tests, int failures, CharSequence suites) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"" + name + "\" tests=\"" + tests
        + "\" failures=\"" + failures + "\">\n" + suites + "</testsuites>\n";
  }
}
