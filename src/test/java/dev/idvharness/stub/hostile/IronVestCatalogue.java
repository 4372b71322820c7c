package dev.idvharness.stub.hostile;

import static dev.idvharness.stub.StubHttp.IRONVEST_VALIDATE;
import static dev.idvharness.stub.hostile.Bodies.ACME_KEY;
import static dev.idvharness.stub.hostile.Bodies.CONTROL;
import static dev.idvharness.stub.hostile.Bodies.DEEP;
import static dev.idvharness.stub.hostile.Bodies.HUNDRED_KB;
import static dev.idvharness.stub.hostile.Bodies.SCRIPT;
import static dev.idvharness.stub.hostile.Bodies.SQL;
import static dev.idvharness.stub.hostile.Bodies.TEN_MB;
import static dev.idvharness.stub.hostile.Bodies.bytes;
import static dev.idvharness.stub.hostile.Bodies.duplicateKey;
import static dev.idvharness.stub.hostile.Bodies.entries;
import static dev.idvharness.stub.hostile.Bodies.gzip;
import static dev.idvharness.stub.hostile.Bodies.gzipBomb;
import static dev.idvharness.stub.hostile.Bodies.longText;
import static dev.idvharness.stub.hostile.Bodies.nestedArrays;
import static dev.idvharness.stub.hostile.Bodies.nestedObjectIn;
import static dev.idvharness.stub.hostile.Bodies.padded;
import static dev.idvharness.stub.hostile.Bodies.raw;
import static dev.idvharness.stub.hostile.Bodies.text;
import static dev.idvharness.stub.hostile.Bodies.validateBody;
import static dev.idvharness.stub.hostile.Bodies.with;
import static dev.idvharness.stub.hostile.Bodies.withLongNumber;
import static dev.idvharness.stub.hostile.Bodies.withRaw;
import static dev.idvharness.stub.hostile.Expect.DECISION;
import static dev.idvharness.stub.hostile.Expect.FORBIDDEN;
import static dev.idvharness.stub.hostile.Expect.JETTY_BAD_REQUEST;
import static dev.idvharness.stub.hostile.Expect.JETTY_HEADERS_TOO_LARGE;
import static dev.idvharness.stub.hostile.Expect.NOT_FOUND;
import static dev.idvharness.stub.hostile.Expect.UNPROCESSABLE;

import java.util.ArrayList;
import java.util.List;

/**
 * Hostile requests to IronVest {@code /v1/validate}, one per line. Contract 2.2: a body it cannot use is 422, a
 * missing, unknown or ambiguous apikey 403; a csid of convention p0 is decided at its first call.
 */
final class IronVestCatalogue {

  private static final RawRequest VALIDATE = Fixture.validateRequest(bytes(validateBody()));
  private static final String ENTRY = "/additionalData/sessionData/0";
  private static final String KEY = ENTRY + "/key";
  private static final String VALUE = ENTRY + "/value";
  private static final String SYNONYM = ENTRY + "/synonyms/0";
  private static final Expect[] ALL_REFUSED = Variations.same(UNPROCESSABLE);

  private IronVestCatalogue() {}

  static List<HostileCase> cases() {
    List<HostileCase> cases = new ArrayList<>(List.of(
        // not a JSON object
        validate("invalid JSON", text("{cid: acme-bank, csid: $CSID}"), UNPROCESSABLE),
        validate("truncated JSON", text("{\"cid\":\"acme-bank\",\"csid\":\"$CSID\",\"uid\":\"us"), UNPROCESSABLE),
        validate("a JSON array", text("[" + validateBody() + "]"), UNPROCESSABLE),
        validate("a JSON string", text("\"acme-bank\""), UNPROCESSABLE),
        validate("a JSON number", text("42"), UNPROCESSABLE),
        validate("JSON null", text("null"), UNPROCESSABLE),
        validate("JSON true", text("true"), UNPROCESSABLE),
        validate("a valid object followed by another", text(validateBody() + "{}"), UNPROCESSABLE),
        // how the body arrives
        validate("no body", VALIDATE.withBody(null), UNPROCESSABLE),
        validate("no Content-Type", VALIDATE.withoutHeader("Content-Type"), UNPROCESSABLE),
        validate("Content-Type text/plain", VALIDATE.withHeaderReplaced("Content-Type", "text/plain"), UNPROCESSABLE),
        validate("a form instead of JSON", VALIDATE.withHeaderReplaced("Content-Type", "application/x-www-form-urlencoded")
            .withBody(text("cid=acme-bank&csid=$CSID")), UNPROCESSABLE),
        // size, depth and numbers
        validate("a 10 MB uid", with(validateBody(), "/uid", longText(TEN_MB)), UNPROCESSABLE),
        // over limits.maxBodyBytes (256 KiB): refused unread, whatever it holds
        validate("10 MB of whitespace after a valid body", padded(validateBody(), TEN_MB), UNPROCESSABLE),
        validate("100 KB of whitespace after a valid body", padded(validateBody(), HUNDRED_KB), DECISION),
        validate("10,000 nested arrays", nestedArrays(DEEP), UNPROCESSABLE),
        validate("10,000 nested objects in an extra field", nestedObjectIn(validateBody(), DEEP), UNPROCESSABLE),
        validate("10,000 nested arrays as a value", withRaw(validateBody(), VALUE, nestedArrays(DEEP)), UNPROCESSABLE),
        validate("a 10,000-digit value", withLongNumber(validateBody(), VALUE, 10_000), UNPROCESSABLE),
        validate("an infinite value", withRaw(validateBody(), VALUE, text("9e999999999")), UNPROCESSABLE),
        validate("a 40-digit decimal value", withRaw(validateBody(), VALUE, text("1" + "0".repeat(39) + ".5")), DECISION),
        validate("1001 sessionData entries", with(validateBody(), "/additionalData/sessionData", entries(1001)), UNPROCESSABLE),
        // bytes and encodings
        validate("invalid UTF-8 in uid", withRaw(validateBody(), "/uid", raw('"', 0xC3, 0x28, 0xFF, '"')), UNPROCESSABLE),
        validate("a raw NUL byte inside csid", withRaw(validateBody(), "/csid", raw('"', 'c', 0, 'd', '"')), UNPROCESSABLE),
        validate("duplicate key cid", duplicateKey(validateBody(), "cid", "strict-bank"), UNPROCESSABLE),
        validate("duplicate key csid", duplicateKey(validateBody(), "csid", "other"), UNPROCESSABLE),
        // very long ids and texts
        validate("a 100 KB cid", with(validateBody(), "/cid", longText(HUNDRED_KB)), UNPROCESSABLE),
        validate("a 100 KB csid", with(validateBody(), "/csid", longText(HUNDRED_KB)), UNPROCESSABLE),
        validate("a 100 KB uid", with(validateBody(), "/uid", longText(HUNDRED_KB)), UNPROCESSABLE),
        validate("a 100 KB sessionData key", with(validateBody(), KEY, longText(HUNDRED_KB)), UNPROCESSABLE),
        validate("a 100 KB sessionData value", with(validateBody(), VALUE, longText(HUNDRED_KB)), DECISION),
        validate("a 100 KB synonym", with(validateBody(), SYNONYM, longText(HUNDRED_KB)), DECISION),
        // control characters, script and SQL text: refused or taken as data, never echoed
        validate("control characters in csid", with(validateBody(), "/csid", "$CSID" + CONTROL), DECISION),
        validate("control characters in uid", with(validateBody(), "/uid", CONTROL), DECISION),
        validate("control characters in a sessionData key", with(validateBody(), KEY, CONTROL), UNPROCESSABLE),
        validate("control characters in a sessionData value", with(validateBody(), VALUE, CONTROL), DECISION),
        validate("script in cid", with(validateBody(), "/cid", SCRIPT), FORBIDDEN),
        validate("script in uid", with(validateBody(), "/uid", SCRIPT), DECISION),
        validate("script in action", with(validateBody(), "/action", SCRIPT), DECISION),
        validate("script in a sessionData key", with(validateBody(), KEY, SCRIPT), UNPROCESSABLE),
        validate("script in a sessionData value", with(validateBody(), VALUE, SCRIPT), DECISION),
        validate("script in a synonym", with(validateBody(), SYNONYM, SCRIPT), DECISION),
        validate("SQL in cid", with(validateBody(), "/cid", SQL), FORBIDDEN),
        validate("SQL in csid", with(validateBody(), "/csid", "$CSID" + SQL), DECISION),
        validate("SQL in a sessionData key", with(validateBody(), KEY, SQL), UNPROCESSABLE),
        validate("SQL in a sessionData value", with(validateBody(), VALUE, SQL), DECISION),
        // unknown fields are ignored
        validate("unknown fields", bytes(validateBody().put("extra", 7).put("admin", true)), DECISION),
        validate("unknown fields in a sessionData entry", with(validateBody(), ENTRY + "/extra", "ignored"), DECISION),
        // a decided csid answers its decision again, whatever else comes with it
        validate("a decided csid with other values", Setup.DECIDED_CSID, with(validateBody(), VALUE, 99), DECISION),
        validate("a decided csid with another uid", Setup.DECIDED_CSID, with(validateBody(), "/uid", "other"), DECISION),
        validate("a decided csid with another cid", Setup.DECIDED_CSID, with(validateBody(), "/cid", "strict-bank"), FORBIDDEN),
        // paths next to the vendor path: a JSON 404, or Jetty's own 400 for a NUL
        validate("a trailing slash", VALIDATE.withPath(IRONVEST_VALIDATE + "/"), NOT_FOUND),
        validate("the path in upper case", VALIDATE.withPath(IRONVEST_VALIDATE.toUpperCase()), NOT_FOUND),
        validate("a double slash", VALIDATE.withPath("/v1//validate"), NOT_FOUND),
        validate("a dot-dot segment", VALIDATE.withPath("/v2/%2e%2e/v1/validate"), NOT_FOUND),
        validate("a path parameter", VALIDATE.withPath(IRONVEST_VALIDATE + ";a=b"), NOT_FOUND),
        validate("an encoded NUL in the path", VALIDATE.withPath(IRONVEST_VALIDATE + "%00"), JETTY_BAD_REQUEST),
        // the apikey header
        validate("no apikey", VALIDATE.withoutHeader("apikey"), FORBIDDEN),
        validate("the apikey in the query string only",
            VALIDATE.withoutHeader("apikey").withPath(IRONVEST_VALIDATE + "?apikey=" + ACME_KEY), FORBIDDEN),
        validate("the apikey under another name", VALIDATE.withoutHeader("apikey").withHeader("api-key", ACME_KEY), FORBIDDEN),
        validate("an empty apikey", withApikey(""), FORBIDDEN),
        validate("two apikey headers, both right", VALIDATE.withHeader("apikey", ACME_KEY), FORBIDDEN),
        validate("two apikey headers, the right one first", VALIDATE.withHeader("apikey", "not-the-key"), FORBIDDEN),
        validate("two apikey headers, the right one last", withApikey("not-the-key").withHeader("apikey", ACME_KEY), FORBIDDEN),
        validate("two keys in one apikey header", withApikey(ACME_KEY + "," + ACME_KEY), FORBIDDEN),
        // HTTP drops the whitespace around a header value (RFC 9110 5.5): the key is the right one
        validate("spaces and a tab around the apikey", withApikey(" \t" + ACME_KEY + " "), DECISION),
        validate("a space inside the apikey", withApikey(spaceInside(ACME_KEY)), FORBIDDEN),
        validate("SQL in the apikey", withApikey(SQL), FORBIDDEN),
        validate("script in the apikey", withApikey(SCRIPT), FORBIDDEN),
        validate("a 100 KB apikey", withApikey(longText(HUNDRED_KB)), JETTY_HEADERS_TOO_LARGE),
        // compression, which the vendor does not document
        validate("Content-Encoding gzip on a plain body", VALIDATE.withHeader("Content-Encoding", "gzip"), UNPROCESSABLE),
        validate("a gzipped body", VALIDATE.withHeader("Content-Encoding", "gzip").withBody(gzip(bytes(validateBody()))), UNPROCESSABLE),
        validate("a body that starts like gzip", VALIDATE.withBody(raw(0x1f, 0x8b, 0x08, 0x00, '{', '}')), UNPROCESSABLE),
        validate("a gzip bomb (16 MB of zeros), undeclared", VALIDATE.withBody(gzipBomb(16 << 20)), UNPROCESSABLE)));
    // nulls and wrong types in every field; optional fields sent as null count as absent
    cases.addAll(oddValues("/cid", ALL_REFUSED));
    cases.addAll(oddValues("/csid", ALL_REFUSED));
    cases.addAll(oddValues("/uid", ALL_REFUSED));
    cases.addAll(oddValues("/additionalData", ALL_REFUSED));
    cases.addAll(oddValues(ENTRY, ALL_REFUSED));
    cases.addAll(oddValues(KEY, ALL_REFUSED));
    //                                                    null           42             true           []             {}             ""
    cases.addAll(oddValues("/action",                     DECISION,      UNPROCESSABLE, UNPROCESSABLE, UNPROCESSABLE, UNPROCESSABLE, DECISION));
    cases.addAll(oddValues("/enrollment",                 DECISION,      UNPROCESSABLE, DECISION,      UNPROCESSABLE, UNPROCESSABLE, UNPROCESSABLE));
    cases.addAll(oddValues("/additionalData/sessionData", UNPROCESSABLE, UNPROCESSABLE, UNPROCESSABLE, DECISION,      UNPROCESSABLE, UNPROCESSABLE));
    cases.addAll(oddValues(VALUE,                         UNPROCESSABLE, DECISION,      UNPROCESSABLE, UNPROCESSABLE, UNPROCESSABLE, DECISION));
    cases.addAll(oddValues(ENTRY + "/synonyms",           DECISION,      UNPROCESSABLE, UNPROCESSABLE, DECISION,      UNPROCESSABLE, UNPROCESSABLE));
    cases.addAll(oddValues(SYNONYM,                       UNPROCESSABLE, UNPROCESSABLE, UNPROCESSABLE, UNPROCESSABLE, UNPROCESSABLE, DECISION));
    cases.addAll(Variations.otherMethods("validate", Setup.FRESH_CSID, VALIDATE));
    return cases;
  }

  private static HostileCase validate(String name, byte[] body, Expect expect) {
    return validate(name, Setup.FRESH_CSID, body, expect);
  }

  private static HostileCase validate(String name, Setup setup, byte[] body, Expect expect) {
    return new HostileCase("validate: " + name, setup, VALIDATE.withBody(body), expect);
  }

  private static HostileCase validate(String name, RawRequest request, Expect expect) {
    return new HostileCase("validate: " + name, Setup.FRESH_CSID, request, expect);
  }

  private static RawRequest withApikey(String key) {
    return VALIDATE.withHeaderReplaced("apikey", key);
  }

  /** The key with a space in its middle. */
  private static String spaceInside(String key) {
    return key.substring(0, key.length() / 2) + " " + key.substring(key.length() / 2);
  }

  private static List<HostileCase> oddValues(String pointer, Expect... answers) {
    return Variations.oddValues("validate", Setup.FRESH_CSID, VALIDATE, pointer, validateBody(), answers);
  }
}
