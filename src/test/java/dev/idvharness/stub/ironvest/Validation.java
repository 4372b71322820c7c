package dev.idvharness.stub.ironvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idvharness.stub.StubData;
import dev.idvharness.stub.StubHttp;
import java.nio.file.Path;
import java.util.UUID;

/** A validate request as the tests vary it; by default the seed example for acme-bank, with its key from the data. */
record Validation(String apiKey, String cid, String csid, String uid, JsonNode sessionData, Boolean enrollment) {

  /** The stub conventions the extension's servers serve (stubs/data/ironvest.json): the API keys of the clients. */
  static final StubData DATA = StubData.load(Path.of("stubs"));
  static final String ACME = "acme-bank";
  static final String ACME_KEY = DATA.requireApiKeyOf(ACME);
  static final String STRICT = "strict-bank";
  static final String STRICT_KEY = DATA.requireApiKeyOf(STRICT);
  /** The seed example's form values, which match what the stub "collected" (stubs/data/ironvest.json). */
  static final JsonNode SEED_SESSION_DATA = StubHttp.parse(StubHttp.json("["
      + "{'key':'amount','value':35,'synonyms':['amount']},"
      + "{'key':'payeeID','value':6,'synonyms':['payeeList']},"
      + "{'key':'accountNumber','value':'66666666','synonyms':['account_number']},"
      + "{'key':'notes','value':'Wire transfer','synonyms':['notes']}]"));

  /** An acme-bank request on a fresh csid made of the given convention tokens (e.g. "p0", "p2-r50"). */
  static Validation acme(String csidTokens) {
    return new Validation(ACME_KEY, ACME, csid(csidTokens), "uid-" + UUID.randomUUID(), SEED_SESSION_DATA, null);
  }

  /** A strict-bank request (biometrics only match for enrolled users) for a uid. */
  static Validation strict(String csidTokens, String uid) {
    return new Validation(STRICT_KEY, STRICT, csid(csidTokens), uid, SEED_SESSION_DATA, null);
  }

  /** A fresh csid: the tokens, then a random uuid (whose hex never reads as a token). */
  static String csid(String tokens) {
    return tokens.isEmpty() ? UUID.randomUUID().toString() : tokens + "-" + UUID.randomUUID();
  }

  Validation withApiKey(String key) {
    return new Validation(key, cid, csid, uid, sessionData, enrollment);
  }

  Validation withCid(String newCid) {
    return new Validation(apiKey, newCid, csid, uid, sessionData, enrollment);
  }

  Validation withSessionData(String singleQuotedJson) {
    return new Validation(apiKey, cid, csid, uid, StubHttp.parse(StubHttp.json(singleQuotedJson)), enrollment);
  }

  Validation withCsid(String newCsid) {
    return new Validation(apiKey, cid, newCsid, uid, sessionData, enrollment);
  }

  Validation withUid(String newUid) {
    return new Validation(apiKey, cid, csid, newUid, sessionData, enrollment);
  }

  Validation withEnrollment(boolean enroll) {
    return new Validation(apiKey, cid, csid, uid, sessionData, enroll);
  }

  /** The same uid and client, on another fresh csid. */
  Validation nextSession(String csidTokens) {
    return new Validation(apiKey, cid, csid(csidTokens), uid, sessionData, enrollment);
  }

  String body() {
    ObjectNode body = StubHttp.JSON.createObjectNode()
        .put("cid", cid).put("csid", csid).put("uid", uid).put("action", "transfer");
    body.putObject("additionalData").set("sessionData", sessionData);
    if (enrollment != null) {
      body.put("enrollment", enrollment);
    }
    return body.toString();
  }
}
