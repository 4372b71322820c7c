package dev.idvharness.drift;

import dev.idvharness.config.DriftKind;

/**
 * One way the vendor's answers differ from the stubs': the operation (and outcome), the field path (or
 * {@code (answer)}, {@code (status)}, {@code header X}), the kind, and what each side showed (types, formats,
 * enumeration values: never other values).
 */
public record Difference(String operation, String path, DriftKind kind, String stub, String vendor) {

  /** What identifies a difference across runs (for "first seen"). */
  public String id() {
    return operation + " " + path + " " + kind.label();
  }
}
