package dev.idvharness.load;

/** Display names of the flows in gates and reports. */
final class FlowNames {

  private FlowNames() {}

  /** The Gatling group of a flow's requests. */
  static String group(String flow) {
    return switch (flow) {
      case CyberArkVerificationChain.NAME -> CyberArkVerificationChain.GROUP;
      case IronVestValidationChain.NAME -> IronVestValidationChain.GROUP;
      default -> flow;
    };
  }

  static String title(String flow) {
    return switch (flow) {
      case CyberArkVerificationChain.NAME -> "CyberArk verification";
      case IronVestValidationChain.NAME -> "IronVest validation";
      default -> flow;
    };
  }
}
