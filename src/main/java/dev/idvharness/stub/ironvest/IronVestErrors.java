package dev.idvharness.stub.ironvest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.json.Json;
import dev.idvharness.stub.serve.ContainerErrors;
import dev.idvharness.stub.serve.Reply;
import dev.idvharness.vendor.ironvest.IronVestApi;
import java.util.Optional;

/** IronVest's error body, {@code {success: false, error}}, built here only: refusals, the 503, container failures. */
public final class IronVestErrors implements ContainerErrors {

  static ObjectNode body(String error) {
    return Json.object().put("success", false).put("error", error);
  }

  /** A refused request: {@code reason} is what the client report counts it under. */
  static Reply refused(int status, String reason, String error) {
    return Reply.refusal(status, body(error), reason);
  }

  /** The documented 503, with Retry-After when {@code retryAfterSeconds} is set. */
  static Reply unavailable(Integer retryAfterSeconds) {
    return new Reply(503, body("Service Unavailable"), retryAfterSeconds);
  }

  @Override
  public Optional<Reply> answer(String lowerCasePath, int status) {
    // any version of the path (/v1/validate, the older /validate) is IronVest's
    if (!lowerCasePath.endsWith(IronVestApi.VALIDATE.substring(IronVestApi.VALIDATE.lastIndexOf('/')))) {
      return Optional.empty();
    }
    if (status == 503) {
      return Optional.of(unavailable(null));
    }
    return Optional.of(Reply.status(status, body(status == 500 ? "Internal Server Error" : "HTTP " + status)));
  }
}
