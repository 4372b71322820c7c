package dev.idvharness.stub.cyberark;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a TenantId names: a tenant id in any letter case ({@code ABC1234}, {@code abc1234}) or the tenant's host name
 * ({@code abc1234.id.cyberark.cloud}), as public clients send it (contract 1.4a). The tenant is the first label.
 */
final class Tenant {

  /** A tenant id, or a host name whose first label is one; echoed in answers, so nothing else is taken. */
  private static final Pattern SENT = Pattern.compile("[A-Za-z0-9_-]{1,64}(\\.[A-Za-z0-9-]{1,63}){0,8}");

  private Tenant() {}

  /** Whether a sent TenantId has the shape of a tenant id or host name. */
  static boolean wellFormed(String sent) {
    return sent.length() <= 253 && SENT.matcher(sent).matches();
  }

  /** The tenant id a well-formed TenantId names (its first label), as it was spelled. */
  static String idOf(String sent) {
    int dot = sent.indexOf('.');
    return dot < 0 ? sent : sent.substring(0, dot);
  }

  /** The tenant id in one spelling, for comparisons and the client report. */
  static String key(String sent) {
    return idOf(sent).toUpperCase(Locale.ROOT);
  }

  /** Whether a sent TenantId names the session's tenant. */
  static boolean names(String sessionTenant, String sent) {
    return wellFormed(sent) && idOf(sent).equalsIgnoreCase(sessionTenant);
  }
}
