package dev.idvharness.config;

/** {@code load.profile}: the injection profiles of a load run (docs/load.md). */
public enum LoadProfile implements Choice {
  SMOKE,
  LOAD,
  STRESS,
  SOAK;

  @Override
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
