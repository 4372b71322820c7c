package dev.idvharness.config;

/** {@code harness.target}: a stub server on this machine, or the vendors' endpoints. */
public enum TargetKind implements Choice {
  LOCAL,
  REMOTE;

  @Override
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
