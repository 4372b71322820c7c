package dev.idvharness.config;

/** The kinds of drift between the stubs' answers and a vendor's, as named in drift.json and in {@code drift.failOn}. */
public enum DriftKind implements Choice {
  MISSING_IN_VENDOR,
  NEW_IN_VENDOR,
  TYPE_CHANGED,
  FORMAT_CHANGED,
  NEW_VALUE,
  STATUS_CHANGED,
  CONTENT_TYPE_CHANGED;

  @Override
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
