package dev.idvharness.stub.cyberark;

import dev.idvharness.stub.json.Json;
import dev.idvharness.stub.serve.ContainerErrors;
import dev.idvharness.stub.serve.Reply;
import dev.idvharness.vendor.cyberark.CyberArkApi;
import java.util.Locale;
import java.util.Optional;

/** CyberArk's error answers: the envelope with success false (HTTP 200, as every CyberArk answer), and the 503. */
public final class CyberArkErrors implements ContainerErrors {

  private static final String NOT_PROCESSED = "The request could not be processed.";

  @Override
  public Optional<Reply> answer(String lowerCasePath, int status) {
    // the vendor serves its paths in any letter case, and so does the stub
    if (!lowerCasePath.startsWith(CyberArkApi.DIRECTORY_PREFIX.toLowerCase(Locale.ROOT))
        && !lowerCasePath.startsWith(CyberArkApi.SECURITY_PREFIX.toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    if (status == 503) {
      // the container is unavailable (a server shutting down): the vendor's 503, never a denial-looking envelope
      return Optional.of(unavailable(null));
    }
    return Optional.of(lowerCasePath.endsWith("/startauthentication") ? Envelope.refusedStart(null, NOT_PROCESSED)
        : Envelope.refusedAdvance(null, NOT_PROCESSED));
  }

  /** The injected 503 of a fault profile. */
  static Reply unavailable(Integer retryAfterSeconds) {
    return new Reply(503, Json.object().put("success", false).put("error", "Service Unavailable"), retryAfterSeconds);
  }
}
