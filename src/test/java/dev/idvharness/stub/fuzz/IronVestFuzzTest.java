package dev.idvharness.stub.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.fuzz.AnswerRules.Kind;
import dev.idvharness.stub.fuzz.InProcessStub.Answer;
import dev.idvharness.stub.ironvest.IronVestData;
import dev.idvharness.stub.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;

/**
 * Sequences of IronVest validate calls from the fuzzer's bytes, on up to three csids per input built from the
 * documented csid tokens (or anything else): apikey headers, cids, uids, enrollment and sessionData drawn from the
 * data file, or anything else, or raw bytes. Every answer must be one the contract allows (AnswerRules), and only
 * with the one apikey of its cid; a decided (cid, csid) answers the same decision again; and each (cid, csid) answers
 * as it would alone, whatever the other sessions of the input did.
 *
 * <p>{@code ./mvnw verify} replays {@code src/test/resources/dev/idvharness/stub/fuzz/IronVestFuzzTestInputs};
 * {@code ./mvnw -Pfuzz test} fuzzes (docs/fuzzing.md).
 */
class IronVestFuzzTest {

  private static final InProcessStub STUB = new InProcessStub();
  /** A second stub, on which each (cid, csid) of an input is replayed alone. */
  private static final InProcessStub ALONE = new InProcessStub();
  private static final IronVestData DATA = IronVestData.load(InProcessStub.ROOT.resolve("data/ironvest.json"));
  private static final List<String> API_KEYS = DATA.clients().stream().map(IronVestData.Client::apiKey).toList();
  private static final List<String> CIDS = DATA.clients().stream().map(IronVestData.Client::cid).toList();
  private static final List<String> UIDS = Stream.concat(DATA.enrolledUids().stream(), Stream.of("enrolled-1", "user-1")).toList();
  private static final List<String> FIELD_NAMES = List.copyOf(DATA.collectedValues().keySet());
  private static final List<String> FIELD_VALUES = DATA.collectedValues().values().stream().map(JsonNode::asText).toList();
  private static final List<String> TOKENS = List.of("p0", "p1", "p2", "p3", "r0", "r1", "r50", "r250", "noretry",
      "u1", "u2", "mismatch", "nobio", "biofail", "apperr");
  private static final List<String> SEPARATORS = List.of("-", "_", ".", ":");
  /** A csid token {@code u<N>} with N > 0: the only way to a 503 when the profile injects no faults. */
  private static final Pattern UNAVAILABLE_TOKEN = Pattern.compile("u0*[1-9][0-9]*");
  private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[-_.:]");
  private static final long START_MS = 1_700_000_000_000L;

  /** One validate call, kept to replay the calls of its (cid, csid) alone. */
  private record Call(List<String> apiKeys, byte[] body, boolean declaredJson, long arrivedAt, Kind kind) {}

  @FuzzTest
  @Timeout(5)
  void validate(FuzzedDataProvider data) {
    STUB.forgetSessions();
    List<String> csids = new ArrayList<>();
    for (int i = data.consumeInt(1, 3); i > 0; i--) {
      csids.add(csid(data));
    }
    Map<List<String>, List<Call>> bySession = new LinkedHashMap<>();
    Map<List<String>, byte[]> decided = new HashMap<>();
    long now = START_MS;
    int requests = data.consumeInt(1, 24);
    for (int i = 0; i < requests && data.remainingBytes() > 0; i++) {
      now = Fuzzed.later(data, now);
      List<String> apiKeys = apiKeys(data);
      boolean declaredJson = Fuzzed.declaredJson(data);
      byte[] body = data.consumeInt(0, 3) == 0 ? data.consumeBytes(512) : Fuzzed.bytes(data, body(data, csids));
      Answer answer = STUB.validate(apiKeys, body, declaredJson, now);
      List<String> session = session(answer.parsedRequest());
      Kind kind = AnswerRules.ironVest(answer, body.length, session != null && unavailableToken(session.get(1)));
      AnswerRules.check(kind == Kind.FORBIDDEN || kind == Kind.UNPROCESSABLE || keyOf(apiKeys, session), answer,
          "an answer without the one apikey of the request's cid");
      AnswerRules.keepsSecrets(answer, Json.parseObject(answer.body()).orElseThrow(),
          String.valueOf(answer.parsedRequest()), API_KEYS);
      if (session == null) {
        continue;
      }
      bySession.computeIfAbsent(session, key -> new ArrayList<>()).add(new Call(apiKeys, body, declaredJson, now, kind));
      if (kind == Kind.DECISION || kind == Kind.APPLICATION_ERROR) {
        byte[] first = decided.putIfAbsent(session, answer.body());
        AnswerRules.check(first == null || Arrays.equals(first, answer.body()), answer,
            "a decided csid answered another decision than its first");
      }
    }
    bySession.values().forEach(IronVestFuzzTest::answersAsAlone);
  }

  /** Replays the calls of one (cid, csid) on an empty stub: the kinds of answer must be the same. */
  private static void answersAsAlone(List<Call> calls) {
    ALONE.forgetSessions();
    for (Call call : calls) {
      Answer alone = ALONE.validate(call.apiKeys(), call.body(), call.declaredJson(), call.arrivedAt());
      Kind kind = AnswerRules.ironVest(alone, call.body().length, true);
      AnswerRules.check(kind == call.kind(), alone, "alone, a (cid, csid) answered " + kind + " where it answered "
          + call.kind() + " beside other sessions");
    }
  }

  /** A csid of documented tokens in any order, or with anything else in it. */
  private static String csid(FuzzedDataProvider data) {
    List<String> parts = new ArrayList<>();
    for (int i = data.consumeInt(0, 4); i > 0; i--) {
      parts.add(data.consumeBoolean() ? data.pickValue(TOKENS) : data.consumeString(12));
    }
    parts.add("s" + data.consumeInt(0, 9));
    return String.join(data.pickValue(SEPARATORS), parts);
  }

  private static List<String> apiKeys(FuzzedDataProvider data) {
    List<String> keys = new ArrayList<>();
    int count = switch (data.consumeInt(0, 15)) {
      case 0 -> 0;
      case 1 -> 2;
      default -> 1;
    };
    for (int i = 0; i < count; i++) {
      keys.add(data.consumeInt(0, 7) == 0 ? data.consumeString(32) : data.pickValue(API_KEYS));
    }
    return keys;
  }

  private static ObjectNode body(FuzzedDataProvider data, List<String> csids) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    Fuzzed.field(data, body, "cid", CIDS);
    Fuzzed.field(data, body, "csid", csids);
    Fuzzed.field(data, body, "uid", UIDS);
    Fuzzed.field(data, body, "action", List.of("WireTransfer", "Login"));
    if (data.consumeBoolean()) {
      body.set("enrollment", data.consumeInt(0, 3) == 0 ? Fuzzed.value(data, List.of()) : JsonNodeFactory.instance.booleanNode(data.consumeBoolean()));
    }
    if (data.consumeInt(0, 15) == 0) {
      Fuzzed.field(data, body, "additionalData", List.of());
    } else {
      ArrayNode entries = body.putObject("additionalData").putArray("sessionData");
      for (int i = data.consumeInt(0, 5); i > 0; i--) {
        entries.add(entry(data));
      }
    }
    Fuzzed.extraField(data, body);
    return body;
  }

  private static JsonNode entry(FuzzedDataProvider data) {
    if (data.consumeInt(0, 15) == 0) {
      JsonNode odd = Fuzzed.value(data, List.of());
      return odd == null ? JsonNodeFactory.instance.nullNode() : odd;
    }
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    Fuzzed.field(data, entry, "key", FIELD_NAMES);
    if (data.consumeInt(0, 3) == 0) {
      entry.put("value", data.consumeInt(0, 3) == 0 ? data.consumeDouble() : data.consumeLong());
    } else {
      Fuzzed.field(data, entry, "value", FIELD_VALUES);
    }
    if (data.consumeBoolean()) {
      ArrayNode synonyms = entry.putArray("synonyms");
      for (int i = data.consumeInt(0, 3); i > 0; i--) {
        JsonNode synonym = Fuzzed.value(data, FIELD_NAMES);
        synonyms.add(synonym == null ? JsonNodeFactory.instance.nullNode() : synonym);
      }
    }
    return entry;
  }

  /** The (cid, csid) a request names, or null when it names none as strings. */
  private static List<String> session(ObjectNode request) {
    if (request == null) {
      return null;
    }
    String cid = Json.text(request, "cid");
    String csid = Json.text(request, "csid");
    return cid == null || csid == null ? null : List.of(cid, csid);
  }

  /** Whether the call carries exactly one apikey, and it is the key of the cid it names. */
  private static boolean keyOf(List<String> apiKeys, List<String> session) {
    return apiKeys.size() == 1 && session != null && DATA.clients().stream()
        .anyMatch(client -> client.apiKey().equals(apiKeys.get(0)) && client.cid().equals(session.get(0)));
  }

  private static boolean unavailableToken(String csid) {
    return TOKEN_SEPARATORS.splitAsStream(csid.toLowerCase(Locale.ROOT)).anyMatch(token -> UNAVAILABLE_TOKEN.matcher(token).matches());
  }
}
