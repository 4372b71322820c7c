package dev.idvharness.stub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: a stub server with a profile of the test's own (no delays unless it sets some), and its admin stats. */
public final class TestProfiles {

  private TestProfiles() {}

  /** Starts a server whose profile is {@code singleQuotedJson}, written to a file under {@code dir}. */
  public static StubHttp start(Path dir, String singleQuotedJson) {
    try {
      Path profile = Files.createTempFile(dir, "profile-", ".json");
      Files.writeString(profile, StubHttp.json(singleQuotedJson));
      return StubHttp.start(StubOptions.defaults().withProfile(profile));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A profile whose session stores hold at most {@code maxEntries} and expire after an idle time. */
  public static String sessions(int maxEntries, int idleTtlSeconds) {
    return "{'sessions': {'maxEntries': " + maxEntries + ", 'idleTtlSeconds': " + idleTtlSeconds + "}}";
  }

  /** The live sessions the admin stats report; {@code vendor} is {@code cyberark} or {@code ironvest}. */
  public static long liveSessions(StubHttp http, String vendor) {
    return http.getJson("/__admin/idv/stats").path("liveSessions").path(vendor).asLong(-1);
  }
}
