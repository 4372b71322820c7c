package dev.idvharness.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idvharness.config.Choice;
import dev.idvharness.json.HarnessJson;
import io.cucumber.java.ParameterType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * The typed parameters of the steps: each catalogue's names (its enumeration is the one list of them), a JSON value,
 * a quoted comma-separated list, a boolean. A name outside a catalogue fails the step, listing the names it knows.
 */
public class ParameterTypes {

  @ParameterType(".+")
  public CyberArkBrokenRequest cyberArkRequest(String label) {
    return named(CyberArkBrokenRequest.class, label);
  }

  @ParameterType(".+")
  public IronVestCredentials credentials(String label) {
    return named(IronVestCredentials.class, label);
  }

  @ParameterType(".+")
  public IronVestBreakage breakage(String label) {
    return named(IronVestBreakage.class, label);
  }

  @ParameterType(".+")
  public ClientCertificate certificate(String label) {
    return named(ClientCertificate.class, label);
  }

  /** A JSON value as the feature writes it: 35, "35", 35.50, true, null. */
  @ParameterType(".+")
  public JsonNode json(String text) {
    try {
      return HarnessJson.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON value: " + text, e);
    }
  }

  /** {@code "Summary, Challenges"}: the quoted names, trimmed. */
  @ParameterType("\"([^\"]*)\"")
  public List<String> names(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).toList();
  }

  /** {@code "422, 403"}: the quoted HTTP statuses. */
  @ParameterType("\"([0-9, ]*)\"")
  public List<Integer> statuses(String commaSeparated) {
    return names(commaSeparated).stream().map(Integer::valueOf).toList();
  }

  @ParameterType("true|false")
  public Boolean flag(String text) {
    return Boolean.valueOf(text);
  }

  private static <E extends Enum<E> & Choice> E named(Class<E> catalogue, String label) {
    return Choice.find(catalogue, label).orElseThrow(() -> new IllegalArgumentException("no " + label
        + " in the catalogue " + catalogue.getSimpleName() + ": it has " + Choice.listed(catalogue, ", ")));
  }
}
