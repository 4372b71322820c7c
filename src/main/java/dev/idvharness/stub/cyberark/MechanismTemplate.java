package dev.idvharness.stub.cyberark;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a mechanism Name presents itself: its AnswerType (Text, StartOob, StartTextOob) and prompts. */
public record MechanismTemplate(
    @JsonProperty("AnswerType") String answerType,
    @JsonProperty("PromptSelectMech") String promptSelectMech,
    @JsonProperty("PromptMechChosen") String promptMechChosen) {

  public static final String TEXT = "Text";
  public static final String START_OOB = "StartOob";
  public static final String START_TEXT_OOB = "StartTextOob";

  public MechanismTemplate {
    if (!TEXT.equals(answerType) && !START_OOB.equals(answerType) && !START_TEXT_OOB.equals(answerType)) {
      throw new IllegalArgumentException("AnswerType must be Text, StartOob or StartTextOob, not '" + answerType + "'");
    }
  }

  boolean isOob() {
    return !TEXT.equals(answerType);
  }
}
