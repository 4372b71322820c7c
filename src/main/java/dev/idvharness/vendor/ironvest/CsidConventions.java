package dev.idvharness.vendor.ironvest;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What a csid asks of the stub, read from its tokens (separated by {@code - _ . :}):
 * {@code p<N>} N "processing" answers before the decision; {@code r<MS>} their retryAfterMS;
 * {@code noretry} "processing" without retryAfterMS; {@code u<N>} N 503 answers first;
 * {@code mismatch} values do not match; {@code nobio} no biometrics collected; {@code biofail} biometrics do not
 * match; {@code apperr} a terminal application error. Anything else is ignored, so any csid works. The one codec
 * of the convention: the stub reads a csid with {@link #of}, the load feeders write theirs with {@link #loadCsid}.
 */
public record CsidConventions(
    Integer processingCalls,
    Integer retryAfterMs,
    boolean noRetryAfter,
    int unavailableCalls,
    boolean mismatch,
    boolean noBiometrics,
    boolean biometricsFail,
    boolean applicationError) {

  /** Compiled once: String.split with a character class would compile it on every request. */
  private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[-_.:]");
  /**
   * The conventions in use, one object each: a load run's csids share a few, and every session held them apart (with
   * their boxed numbers), objects the collector copied while the sessions lived. Bounded: past it, no sharing.
   */
  private static final int SHARED_MAX = 1024;
  private static final Map<CsidConventions, CsidConventions> SHARED = new ConcurrentHashMap<>();

  /**
   * A load run's csid: {@code processingCalls} "processing" answers, each with retryAfterMS {@code retryAfterMs}
   * (0: none, token {@code noretry}), then the decision; {@code id} keeps it apart from every other session.
   */
  public static String loadCsid(int processingCalls, int retryAfterMs, String id) {
    if (processingCalls < 0 || retryAfterMs < 0) {
      throw new IllegalArgumentException("processing calls and retryAfterMS are >= 0");
    }
    return "load-p" + processingCalls + "-" + (retryAfterMs > 0 ? "r" + retryAfterMs : "noretry") + "-" + id;
  }

  public static CsidConventions of(String csid) {
    Integer processing = null;
    Integer retryAfter = null;
    boolean noRetry = false;
    int unavailable = 0;
    boolean mismatch = false;
    boolean noBio = false;
    boolean bioFail = false;
    boolean appError = false;
    for (String token : TOKEN_SEPARATORS.split(csid.toLowerCase(Locale.ROOT))) {
      switch (token) {
        case "noretry" -> noRetry = true;
        case "mismatch" -> mismatch = true;
        case "nobio" -> noBio = true;
        case "biofail" -> bioFail = true;
        case "apperr" -> appError = true;
        default -> {
          Integer number = number(token);
          if (number != null) {
            switch (token.charAt(0)) {
              case 'p' -> processing = number;
              case 'r' -> retryAfter = number;
              case 'u' -> unavailable = number;
              default -> {}
            }
          }
        }
      }
    }
    return shared(new CsidConventions(processing, retryAfter, noRetry, unavailable, mismatch, noBio, bioFail,
        appError));
  }

  private static CsidConventions shared(CsidConventions conventions) {
    CsidConventions known = SHARED.get(conventions);
    if (known != null) {
      return known;
    }
    if (SHARED.size() >= SHARED_MAX) {
      return conventions;
    }
    CsidConventions raced = SHARED.putIfAbsent(conventions, conventions);
    return raced != null ? raced : conventions;
  }

  /** The number after a one-letter prefix (p12, r250, u3), up to 7 digits; null for any other token. */
  private static Integer number(String token) {
    if (token.length() < 2 || token.length() > 8) {
      return null;
    }
    for (int i = 1; i < token.length(); i++) {
      if (!Character.isDigit(token.charAt(i)) || token.charAt(i) > '9') {
        return null;
      }
    }
    return Integer.valueOf(token.substring(1));
  }
}
