package dev.idvharness.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapper of the harness (clients, load, drift, reports): lenient, since a broken vendor answer is
 * reported, not thrown at. The stub server has its own strict one ({@code stub.json.Json}): it faces hostile input.
 */
public final class HarnessJson {

  /** Request bodies, answers, records: compact. */
  public static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule()).build();
  /** Files a person opens (summaries, results, shapes): indented. */
  public static final ObjectWriter FILE = MAPPER.writerWithDefaultPrettyPrinter();

  private HarnessJson() {}
}
