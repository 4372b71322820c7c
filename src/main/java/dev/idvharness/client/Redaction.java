package dev.idvharness.client;

import dev.idvharness.vendor.ironvest.IronVestApi;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Masks secrets before anything is shown: the Answer of a CyberArk request (passwords, OTPs, codes), the tokens of a
 * LoginSuccess, the apikey header, and every secret value registered at start (configured or read from stub data).
 */
public final class Redaction {

  public static final String MASK = "***";

  private static final Set<String> SECRET_HEADERS = Set.of(IronVestApi.API_KEY_HEADER, "authorization", "cookie");
  private static final Pattern SECRET_FIELDS = Pattern.compile(
      "(\"(?:Answer|Token|Auth|RefreshToken|apikey|apiKey|password)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final List<String> KNOWN_SECRETS = new CopyOnWriteArrayList<>();

  private Redaction() {}

  /** Registers values that must never be shown, wherever they appear. Values shorter than 4 characters are ignored. */
  public static void register(Iterable<String> secrets) {
    for (String secret : secrets) {
      if (secret != null && secret.length() >= 4 && !KNOWN_SECRETS.contains(secret)) {
        KNOWN_SECRETS.add(secret);
      }
    }
  }

  public static String body(String text) {
    if (text == null) {
      return null;
    }
    return values(SECRET_FIELDS.matcher(text).replaceAll("$1\"" + MASK + "\""));
  }

  public static String headers(Map<String, String> headers) {
    Map<String, String> shown = new TreeMap<>();
    headers.forEach((name, value) ->
        shown.put(name, SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? MASK : values(value)));
    return shown.toString();
  }

  /** Replaces every registered secret value in free text. */
  public static String values(String text) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (String secret : KNOWN_SECRETS) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }
}
