package dev.idvharness.load;

/** Display names of the flows in gates and reports. */
final class FlowNames {

  private FlowNames() {}

  static String title(String flow) {
    return switch (flow) {
      case CyberArkVerificationChain.NAME -> "CyberArk verification";
      case IronVestValidationChain.NAME -> "IronVest validation";
      default -> flow;
    };
  }
}
