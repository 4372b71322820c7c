// What a streaming parse of the validate body could save, not part of the product. Times the stub's own parse
// (Json.parseObject: the strict mapper into a tree) against the least any parse must do (every token read by the
// same strict parser, no tree), on the body bench/lua/validate.lua sends and on one with ten form fields.
// Usage (after ./mvnw package): java -cp target/idv-stubs.jar bench/parse-cost/ParseCost.java
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.idvharness.stub.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

public final class ParseCost {

  private static final int BODIES = 1024;
  private static final int CALLS = 2_000_000;
  private static final int ROUNDS = 7;

  public static void main(String[] args) throws IOException {
    report("bench body (no form fields)", bodies(0));
    report("ten form fields", bodies(10));
  }

  private static byte[][] bodies(int fields) {
    byte[][] bodies = new byte[BODIES][];
    for (int i = 0; i < BODIES; i++) {
      StringBuilder data = new StringBuilder();
      for (int f = 0; f < fields; f++) {
        data.append(f == 0 ? "" : ",").append("{\"key\":\"field").append(f).append("\",\"value\":\"value-").append(i)
            .append("\",\"synonyms\":[\"alias").append(f).append("\"]}");
      }
      bodies[i] = ("{\"cid\":\"acme-bank\",\"csid\":\"bench-1-" + i + "-p1000000\",\"uid\":\"u1\","
          + "\"additionalData\":{\"sessionData\":[" + data + "]}}").getBytes(StandardCharsets.UTF_8);
    }
    return bodies;
  }

  private static void report(String name, byte[][] bodies) throws IOException {
    double[] tree = new double[ROUNDS];
    double[] tokens = new double[ROUNDS];
    long sink = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < CALLS; i++) {
        sink += Json.parseObject(bodies[i & (BODIES - 1)]).orElseThrow().size();
      }
      long middle = System.nanoTime();
      for (int i = 0; i < CALLS; i++) {
        sink += tokens(bodies[i & (BODIES - 1)]);
      }
      long end = System.nanoTime();
      tree[round] = (middle - start) / (double) CALLS;
      tokens[round] = (end - middle) / (double) CALLS;
    }
    // the first rounds compile and warm: the median of the rounds is the figure
    System.out.printf("%s (%d bytes): tree %.0f ns, tokens only %.0f ns per body, median of %d rounds of %,d (%d)%n",
        name, bodies[0].length, median(tree), median(tokens), ROUNDS, CALLS, sink & 1);
  }

  private static int tokens(byte[] body) throws IOException {
    int count = 0;
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        count += token == JsonToken.VALUE_STRING ? parser.getTextLength() : 1;
      }
    }
    return count;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
