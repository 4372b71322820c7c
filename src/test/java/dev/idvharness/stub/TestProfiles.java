package dev.idvharness.stub;

import dev.idvharness.junit.IdvStubExtension;

/** Test helper: profiles a test puts through a stub's admin API, and what the admin stats say of them. */
public final class TestProfiles {

  private TestProfiles() {}

  /** A profile whose session stores hold at most {@code maxEntries} and expire after an idle time. */
  public static String sessions(int maxEntries, int idleTtlSeconds) {
    return StubHttp.json("{'sessions': {'maxEntries': " + maxEntries + ", 'idleTtlSeconds': " + idleTtlSeconds + "}}");
  }

  /** The live sessions the admin stats report; {@code vendor} is {@code cyberark} or {@code ironvest}. */
  public static long liveSessions(IdvStubExtension stub, String vendor) {
    return stub.admin().stats().path("liveSessions").path(vendor).asLong(-1);
  }
}
