package dev.idvharness.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A value of a closed set, named in the configuration and the reports by its label ({@code missing-in-vendor}). */
public interface Choice {

  String label();

  /** The choice of {@code choices} labelled {@code label}, or empty: the enumeration is the one list of labels. */
  static <E extends Enum<E> & Choice> Optional<E> find(Class<E> choices, String label) {
    return Arrays.stream(choices.getEnumConstants()).filter(choice -> choice.label().equals(label)).findFirst();
  }

  /** The labels as a sentence lists them: "smoke, load, stress or soak" ({@code last} = " or "). */
  static <E extends Enum<E> & Choice> String listed(Class<E> choices, String last) {
    List<String> labels = Arrays.stream(choices.getEnumConstants()).map(Choice::label).toList();
    return labels.size() == 1 ? labels.get(0)
        : String.join(", ", labels.subList(0, labels.size() - 1)) + last + labels.get(labels.size() - 1);
  }
}
