package dev.idvharness.drift;

/**
 * One way the vendor's answers differ from the stubs': the operation (and outcome), the field path (or
 * {@code (answer)}, {@code (status)}, {@code header X}), the kind, and what each side showed (types, formats,
 * enumeration values: never other values).
 */
public record Difference(String operation, String path, Kind kind, String stub, String vendor) {

  /** The kinds of drift, as named in drift.json and in {@code drift.failOn}. */
  public enum Kind {
    MISSING_IN_VENDOR("missing-in-vendor"),
    NEW_IN_VENDOR("new-in-vendor"),
    TYPE_CHANGED("type-changed"),
    FORMAT_CHANGED("format-changed"),
    NEW_VALUE("new-value"),
    STATUS_CHANGED("status-changed"),
    CONTENT_TYPE_CHANGED("content-type-changed");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static Kind of(String label) {
      for (Kind kind : values()) {
        if (kind.label.equals(label.trim())) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown drift kind '" + label + "'");
    }
  }

  /** What identifies a difference across runs (for "first seen"). */
  public String id() {
    return operation + " " + path + " " + kind.label();
  }
}
