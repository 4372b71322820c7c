package dev.idvharness.stub.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idvharness.stub.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The session store: one session per id under races, idle ones gone, and a full store dropping the longest idle. */
class SessionStoreTest {

  @Test
  void racingCallsForOneIdGetOneSession() throws Exception {
    SessionStore<Object> store = new SessionStore<>(new Profile.Sessions(1000, 600));
    ConcurrentLinkedQueue<Object> seen = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    for (int i = 0; i < 64; i++) {
      pool.execute(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        seen.add(store.getOrCreate("csid-1", id -> new Object()));
      });
    }
    go.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    assertThat(seen).hasSize(64).containsOnly(store.get("csid-1"));
  }

  @Test
  void anIdleSessionIsGoneAndStartsOver() throws Exception {
    SessionStore<String> store = new SessionStore<>(new Profile.Sessions(1000, 1));
    store.put("a", "first");
    assertThat(store.get("a")).isEqualTo("first");

    Thread.sleep(1_100);

    assertThat(store.size()).isZero();
    assertThat(store.get("a")).isNull();
    assertThat(store.getOrCreate("a", id -> "second")).isEqualTo("second");
  }

  @Test
  void aFullStoreDropsTheLongestIdleAndKeepsTheOnesInUse() throws Exception {
    SessionStore<String> store = new SessionStore<>(new Profile.Sessions(100, 600));
    for (int i = 0; i < 100; i++) {
      store.put("old-" + i, "old");
    }
    Thread.sleep(20);
    List<String> inUse = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      inUse.add("old-" + i);
      store.get("old-" + i);
    }
    Thread.sleep(20);

    store.put("new", "new");

    assertThat(store.size()).isEqualTo(90);
    assertThat(inUse).allSatisfy(id -> assertThat(store.get(id)).as(id).isEqualTo("old"));
    assertThat(store.get("new")).isEqualTo("new");
  }

  @Test
  void newLimitsApplyToTheLiveStore() {
    SessionStore<String> store = new SessionStore<>(new Profile.Sessions(1000, 600));
    for (int i = 0; i < 500; i++) {
      store.put("s" + i, "v");
    }

    store.configure(new Profile.Sessions(100, 600));
    store.put("one-more", "v");

    assertThat(store.size()).isLessThanOrEqualTo(100);
  }
}
