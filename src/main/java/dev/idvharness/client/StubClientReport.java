package dev.idvharness.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The stub's client report ({@code GET /__admin/idv/clients}) as a team reads it at the end of its own test: the
 * findings per client, a count per kind, and {@link #assertNoFindings()}, which fails naming each finding with its
 * example. The kinds: {@code early-poll}, {@code abandoned}, {@code repeated-refused}, {@code after-end},
 * {@code refused} (docs/stub-server.md, "The client report").
 */
public final class StubClientReport {

  private final JsonNode json;

  public StubClientReport(JsonNode json) {
    this.json = json;
  }

  /** The report as the stub answered it. */
  public JsonNode json() {
    return json;
  }

  /** How many findings of a kind ({@code "early-poll"}, ...) all clients have. */
  public long count(String kind) {
    long total = 0;
    for (JsonNode client : json.path("clients")) {
      total += count(client, kind);
    }
    return total;
  }

  /** How many findings of a kind one client has: {@code client} is the IronVest cid or the CyberArk tenant id. */
  public long count(String client, String kind) {
    for (JsonNode entry : json.path("clients")) {
      if (entry.path("client").asText().equals(client)) {
        return count(entry, kind);
      }
    }
    return 0;
  }

  /** The finding of a kind of one client, with its count and example, or a missing node. */
  public JsonNode finding(String client, String kind) {
    for (JsonNode entry : json.path("clients")) {
      if (entry.path("client").asText().equals(client)) {
        for (JsonNode finding : entry.path("findings")) {
          if (finding.path("kind").asText().equals(kind)) {
            return finding;
          }
        }
      }
    }
    return json.path("no such finding");
  }

  /** One line per finding: "ironvest client acme-bank: repeated-refused x3, for example {...}". */
  public List<String> findings() {
    List<String> lines = new ArrayList<>();
    for (JsonNode client : json.path("clients")) {
      for (JsonNode finding : client.path("findings")) {
        if (finding.path("count").asLong() > 0) {
          lines.add(client.path("vendor").asText() + " client " + client.path("client").asText() + ": "
              + finding.path("kind").asText() + " x" + finding.path("count").asLong() + ", for example "
              + finding.path("example"));
        }
      }
    }
    return lines;
  }

  /** Fails when the stub saw the client do anything the report names, listing each finding with an example. */
  public void assertNoFindings() {
    List<String> lines = findings();
    if (!lines.isEmpty()) {
      throw new AssertionError("the stub saw " + lines.size() + " kind(s) of client mistake:\n  "
          + String.join("\n  ", lines));
    }
  }

  private static long count(JsonNode client, String kind) {
    for (JsonNode finding : client.path("findings")) {
      if (finding.path("kind").asText().equals(kind)) {
        return finding.path("count").asLong();
      }
    }
    return 0;
  }
}
