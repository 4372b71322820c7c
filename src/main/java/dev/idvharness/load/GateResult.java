package dev.idvharness.load;

/** One gate of a run: what was required, what was measured, and whether it held. */
public record GateResult(String name, String threshold, String measured, boolean passed) {

  /** The line a failed build shows: the gate, its threshold and the measured value. */
  public String message() {
    return "gate '" + name + "' " + (passed ? "passed" : "failed") + ": threshold " + threshold + ", measured "
        + measured;
  }
}
