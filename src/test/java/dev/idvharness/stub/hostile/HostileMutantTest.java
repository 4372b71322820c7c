package dev.idvharness.stub.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.junit.IdvStubExtension;
import dev.idvharness.stub.StubHttp;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Randomly broken valid requests of both vendors, over real HTTP: the same invariants as the catalogue. The seed is
 * random unless given, printed to the test output and named in every failure; replay a failure with
 * {@code ./mvnw test -Dtest=HostileMutantTest -Dhostile.seed=<seed>}.
 */
class HostileMutantTest {

  private static final int MUTANTS_PER_VENDOR = 300;
  private static final long SEED = seed();

  @RegisterExtension
  static IdvStubExtension stub = IdvStubExtension.newInstance().noDelays().build();

  private static final RawHttp http = new RawHttp(stub);
  private static final Fixture fixture = new Fixture(http);

  @BeforeAll
  static void printSeed() {
    System.out.println("hostile.seed=" + SEED);
  }

  @Test
  void cyberArkAnswersEveryMutantWithItsEnvelopeAndKeepsServing() {
    Mutator mutator = new Mutator(SEED);
    for (int i = 0; i < MUTANTS_PER_VENDOR; i++) {
      boolean start = i % 2 == 0;
      ObjectNode valid = start ? Bodies.startBody() : Bodies.answerBody();
      Map<String, String> session = start ? Map.of() : fixture.prepare(Setup.LIVE_SESSION);
      String path = start ? StubHttp.CYBERARK_START : StubHttp.CYBERARK_SEND;
      Mutator.Mutant mutant = mutator.mutate(valid);
      String context = context(i, path, mutant);

      HttpAnswer answer = http.send(RawRequest.postJson(path, mutant.body()).resolve(session));

      Invariants.hold(answer, context);
      assertThat(answer.status()).as("%s: CyberArk always answers HTTP 200, got %s", context, answer).isEqualTo(200);
      JsonNode body = answer.json();
      assertThat(body.path("success").isBoolean()).as("%s: an envelope, got %s", context, answer).isTrue();
      if (!body.path("success").booleanValue()) {
        Expect.CYBERARK_FAILURE.check(answer, context);
      }
      fixture.assertCyberArkServes(context);
    }
  }

  @Test
  void ironVestAnswersEveryMutantWithAVerdictOr403Or422AndKeepsServing() {
    Mutator mutator = new Mutator(SEED);
    for (int i = 0; i < MUTANTS_PER_VENDOR; i++) {
      Mutator.Mutant mutant = mutator.mutate(Bodies.validateBody());
      String context = context(i, StubHttp.IRONVEST_VALIDATE, mutant);

      HttpAnswer answer = http.send(Fixture.validateRequest(mutant.body()).resolve(fixture.prepare(Setup.FRESH_CSID)));

      Invariants.hold(answer, context);
      assertThat(answer.status()).as("%s: 200, 403 or 422, got %s", context, answer).isIn(200, 403, 422);
      if (answer.status() == 200) {
        boolean processing = "processing".equals(answer.json().path("errorMessage").asText());
        (processing ? Expect.PROCESSING : Expect.DECISION).check(answer, context);
      } else {
        (answer.status() == 403 ? Expect.FORBIDDEN : Expect.UNPROCESSABLE).check(answer, context);
      }
      fixture.assertIronVestServes(context);
    }
  }

  /** Names the seed and how to replay it in every assertion. */
  private static String context(int index, String path, Mutator.Mutant mutant) {
    return "seed " + SEED + " (replay: -Dhostile.seed=" + SEED + "), mutant #" + index + " to " + path + " " + mutant.mutations()
        + ": " + Mutator.escape(new String(mutant.body(), StandardCharsets.UTF_8));
  }

  private static long seed() {
    String given = System.getProperty("hostile.seed");
    return given == null || given.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(given.trim());
  }
}
