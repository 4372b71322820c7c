package dev.idvharness.report;

/** The one escape of the harness's HTML and XML reports: text and attribute values alike. */
public final class Markup {

  private Markup() {}

  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
