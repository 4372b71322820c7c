package dev.idvharness.stub.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.client.CyberArkAnswer;
import dev.idvharness.client.CyberArkClient;
import dev.idvharness.client.VendorHttp;
import dev.idvharness.stub.StubData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged stub jar as three processes on one real redis-server, behind one round-robin address, started the way
 * a Deployment starts its replicas (IDV_SESSION_STORE in the environment): a CyberArk login moves replica on every
 * call and still reaches LoginSuccess, and the jar says where its sessions are, with no logging noise from the client.
 */
class StubReplicaProcessesIT {

  private static final Pattern SERVING = Pattern.compile("serving CyberArk and IronVest on (http://127\\.0\\.0\\.1:\\d+)"
      + ".*sessions (redis://\\S+);");

  @Test
  void threeJarProcessesOnOneStoreServeOneLoginBetweenThem() throws Exception {
    List<Process> processes = new ArrayList<>();
    try (RedisProcess redis = RedisProcess.start()) {
      List<String> urls = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ProcessBuilder replica = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar", "target/idv-stubs.jar", "--port", "0", "--profile", "stubs/profiles/none.json",
            "--max-lifetime-seconds", "120").redirectErrorStream(true);
        replica.environment().put("IDV_SESSION_STORE", redis.uri());
        Process process = replica.start();
        processes.add(process);
        String first = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
            .readLine();
        Matcher serving = SERVING.matcher(first == null ? "" : first);
        assertThat(serving.find()).as("the first line, not a logging warning: " + first).isTrue();
        assertThat(serving.group(2)).isEqualTo(redis.uri());
        urls.add(serving.group(1));
      }
      try (RoundRobinFront front = new RoundRobinFront(urls)) {
        String login = "mfa.push@idv.test";
        CyberArkClient client = new CyberArkClient(new VendorHttp(Duration.ofSeconds(10), null), front.baseUrl(),
            "ABC1234");
        CyberArkAnswer started = client.startAuthentication(login);
        client.send("Answer", started.sessionId(), started.mechanism(0, "UP").orElseThrow().id(),
            StubData.load(Path.of("stubs")).user(login).orElseThrow().password());
        String otp = started.mechanism(1, "OTP").orElseThrow().id();
        client.send("StartOOB", started.sessionId(), otp, null);
        List<String> polls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          polls.add(client.send("Poll", started.sessionId(), otp, null).summary());
        }

        assertThat(polls).containsExactly("OobPending", "OobPending", "LoginSuccess");
        for (int i = 0; i < 3; i++) {
          assertThat(front.served(i)).as("replica " + i).isEqualTo(2);
        }
      }
    } finally {
      processes.forEach(Process::destroy);
      for (Process process : processes) {
        process.waitFor();
      }
    }
  }
}
