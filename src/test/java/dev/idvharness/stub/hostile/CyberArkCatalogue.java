package dev.idvharness.stub.hostile;

import static dev.idvharness.stub.StubHttp.CYBERARK_SEND;
import static dev.idvharness.stub.StubHttp.CYBERARK_START;
import static dev.idvharness.stub.hostile.Bodies.CONTROL;
import static dev.idvharness.stub.hostile.Bodies.DEEP;
import static dev.idvharness.stub.hostile.Bodies.HUNDRED_KB;
import static dev.idvharness.stub.hostile.Bodies.SCRIPT;
import static dev.idvharness.stub.hostile.Bodies.SQL;
import static dev.idvharness.stub.hostile.Bodies.TEN_MB;
import static dev.idvharness.stub.hostile.Bodies.answerBody;
import static dev.idvharness.stub.hostile.Bodies.bytes;
import static dev.idvharness.stub.hostile.Bodies.duplicateKey;
import static dev.idvharness.stub.hostile.Bodies.gzip;
import static dev.idvharness.stub.hostile.Bodies.gzipBomb;
import static dev.idvharness.stub.hostile.Bodies.longText;
import static dev.idvharness.stub.hostile.Bodies.nestedArrays;
import static dev.idvharness.stub.hostile.Bodies.nestedObjectIn;
import static dev.idvharness.stub.hostile.Bodies.padded;
import static dev.idvharness.stub.hostile.Bodies.raw;
import static dev.idvharness.stub.hostile.Bodies.startBody;
import static dev.idvharness.stub.hostile.Bodies.text;
import static dev.idvharness.stub.hostile.Bodies.with;
import static dev.idvharness.stub.hostile.Bodies.withLongNumber;
import static dev.idvharness.stub.hostile.Bodies.withRaw;
import static dev.idvharness.stub.hostile.Bodies.without;
import static dev.idvharness.stub.hostile.Expect.JETTY_BAD_REQUEST;
import static dev.idvharness.stub.hostile.Expect.JETTY_HEADERS_TOO_LARGE;
import static dev.idvharness.stub.hostile.Expect.LOGIN_SUCCESS;
import static dev.idvharness.stub.hostile.Expect.NEW_PACKAGE;
import static dev.idvharness.stub.hostile.Expect.NOT_FOUND;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile requests to CyberArk StartAuthentication and SendIdentityVerification, one per line. Contract 1.4: a bad
 * request is HTTP 200 with success:false, a Message and an ErrorID; an unknown user still gets a NewPackage.
 */
final class CyberArkCatalogue {

  private static final RawRequest START = RawRequest.postJson(CYBERARK_START, bytes(startBody()));
  private static final RawRequest SEND = RawRequest.postJson(CYBERARK_SEND, bytes(answerBody()));
  /** The contract's failure envelope: HTTP 200, success false, a Message and an ErrorID. */
  private static final Expect FAILURE = Expect.CYBERARK_FAILURE;

  private CyberArkCatalogue() {}

  static List<HostileCase> cases() {
    List<HostileCase> cases = new ArrayList<>(List.of(
        // not a JSON object
        start("invalid JSON", text("{TenantId: ABC1234, User: password.only@idv.test}"), FAILURE),
        start("truncated JSON", text("{\"TenantId\":\"ABC1234\",\"User\":\"password.on"), FAILURE),
        start("a JSON array", text("[{\"User\":\"password.only@idv.test\"}]"), FAILURE),
        start("a JSON string", text("\"password.only@idv.test\""), FAILURE),
        start("a JSON number", text("42"), FAILURE),
        start("JSON null", text("null"), FAILURE),
        start("a valid object followed by another", text(startBody() + "{}"), FAILURE),
        send("invalid JSON", text("{Action: Answer, SessionId: $SID}"), FAILURE),
        send("truncated JSON", text("{\"Action\":\"Answer\",\"SessionId\":\"$SID\",\"Mecha"), FAILURE),
        send("a JSON array", text("[\"Answer\",\"$SID\",\"$MECH\"]"), FAILURE),
        send("JSON null", text("null"), FAILURE),
        // how the body arrives
        start("no body", START.withBody(null), FAILURE),
        send("no body", SEND.withBody(null), FAILURE),
        start("no Content-Type", START.withoutHeader("Content-Type"), FAILURE),
        send("no Content-Type", SEND.withoutHeader("Content-Type"), FAILURE),
        start("Content-Type text/plain", START.withHeaderReplaced("Content-Type", "text/plain"), FAILURE),
        start("a form instead of JSON", START.withHeaderReplaced("Content-Type", "application/x-www-form-urlencoded")
            .withBody(text("TenantId=ABC1234&User=password.only%40idv.test")), FAILURE),
        start("Content-Type application/json with a charset",
            START.withHeaderReplaced("Content-Type", "application/json; charset=utf-8"), NEW_PACKAGE),
        // size, depth and numbers
        start("a 10 MB User", with(startBody(), "/User", longText(TEN_MB)), FAILURE),
        send("a 10 MB Answer", with(answerBody(), "/Answer", longText(TEN_MB)), FAILURE),
        // over limits.maxBodyBytes (256 KiB): refused unread, whatever it holds
        start("10 MB of whitespace after a valid body", padded(startBody(), TEN_MB), FAILURE),
        send("10 MB of whitespace after a valid body", padded(answerBody(), TEN_MB), FAILURE),
        start("100 KB of whitespace after a valid body", padded(startBody(), HUNDRED_KB), NEW_PACKAGE),
        send("100 KB of whitespace after a valid body", padded(answerBody(), HUNDRED_KB), LOGIN_SUCCESS),
        start("10,000 nested arrays", nestedArrays(DEEP), FAILURE),
        send("10,000 nested objects in an extra field", nestedObjectIn(answerBody(), DEEP), FAILURE),
        start("a 10,000-digit TenantId", withLongNumber(startBody(), "/TenantId", 10_000), FAILURE),
        start("a huge exponent as TenantId", withRaw(startBody(), "/TenantId", text("1e999999")), FAILURE),
        send("a huge exponent as Answer", withRaw(answerBody(), "/Answer", text("1e999999")), FAILURE),
        // bytes and encodings
        start("invalid UTF-8 in User", withRaw(startBody(), "/User", raw('"', 0xC3, 0x28, 0xFF, '"')), FAILURE),
        send("invalid UTF-8 in Answer", withRaw(answerBody(), "/Answer", raw('"', 0xFE, 0xFF, 0x80, '"')), FAILURE),
        start("a raw NUL byte inside User", withRaw(startBody(), "/User", raw('"', 'a', 0, 'b', '"')), FAILURE),
        send("a raw line break inside SessionId", withRaw(answerBody(), "/SessionId", raw('"', 'a', '\n', 'b', '"')), FAILURE),
        start("duplicate key User", duplicateKey(startBody(), "User", "mfa.push@idv.test"), FAILURE),
        send("duplicate key SessionId", duplicateKey(answerBody(), "SessionId", "$SID"), FAILURE),
        // very long ids
        start("a 100 KB User", with(startBody(), "/User", longText(HUNDRED_KB)), FAILURE),
        start("a 100 KB UUID", with(without(startBody(), "User"), "/UUID", longText(HUNDRED_KB)), FAILURE),
        start("a 100 KB TenantId", with(startBody(), "/TenantId", longText(HUNDRED_KB)), FAILURE),
        send("a 100 KB SessionId", with(answerBody(), "/SessionId", longText(HUNDRED_KB)), FAILURE),
        send("a 100 KB MechanismId", with(answerBody(), "/MechanismId", longText(HUNDRED_KB)), FAILURE),
        send("a 100 KB Action", with(answerBody(), "/Action", longText(HUNDRED_KB)), FAILURE),
        send("a 100 KB Answer", with(answerBody(), "/Answer", longText(HUNDRED_KB)), FAILURE),
        // control characters, script and SQL text: refused or taken as data, never echoed
        start("control characters in User", with(startBody(), "/User", CONTROL), NEW_PACKAGE),
        start("control characters in TenantId", with(startBody(), "/TenantId", CONTROL), FAILURE),
        send("control characters in Action", with(answerBody(), "/Action", CONTROL), FAILURE),
        send("control characters in SessionId", with(answerBody(), "/SessionId", CONTROL), FAILURE),
        send("control characters in Answer", with(answerBody(), "/Answer", CONTROL), FAILURE),
        start("script in User", with(startBody(), "/User", SCRIPT), NEW_PACKAGE),
        start("script in TenantId", with(startBody(), "/TenantId", SCRIPT), FAILURE),
        start("script in UUID", with(without(startBody(), "User"), "/UUID", SCRIPT), NEW_PACKAGE),
        send("script in Action", with(answerBody(), "/Action", SCRIPT), FAILURE),
        send("script in MechanismId", with(answerBody(), "/MechanismId", SCRIPT), FAILURE),
        send("script in Answer", with(answerBody(), "/Answer", SCRIPT), FAILURE),
        start("SQL in User", with(startBody(), "/User", SQL), NEW_PACKAGE),
        start("SQL in TenantId", with(startBody(), "/TenantId", SQL), FAILURE),
        send("SQL in SessionId", with(answerBody(), "/SessionId", SQL), FAILURE),
        send("SQL in Answer", with(answerBody(), "/Answer", SQL), FAILURE),
        send("SQL in TenantId", with(answerBody(), "/TenantId", SQL), FAILURE),
        // unknown fields are ignored (Version and UUID are documented ones)
        start("unknown fields", bytes(startBody().put("Version", "1.0").put("Extra", 7).put("Admin", true)), NEW_PACKAGE),
        send("unknown fields", bytes(answerBody().put("UUID", "ignored").put("Extra", 7).put("Admin", true)), LOGIN_SUCCESS),
        // a second request on a finished session
        send("the right password again after LoginSuccess", Setup.AFTER_LOGIN_SUCCESS, bytes(answerBody()), FAILURE),
        send("Poll after LoginSuccess", Setup.AFTER_LOGIN_SUCCESS, with(answerBody(), "/Action", "Poll"), FAILURE),
        send("the right password after LoginFailure", Setup.AFTER_LOGIN_FAILURE, bytes(answerBody()), FAILURE),
        // paths next to the vendor path: a JSON 404, or Jetty's own 400 for a NUL
        start("a trailing slash", START.withPath(CYBERARK_START + "/"), NOT_FOUND),
        // the vendor serves its paths in any letter case (contract 1.4a): so does the stub
        start("the path in lower case", START.withPath(CYBERARK_START.toLowerCase()), NEW_PACKAGE),
        start("a double slash", START.withPath("/" + CYBERARK_START), NOT_FOUND),
        start("an encoded slash", START.withPath("/CDirectoryService%2FStartAuthentication"), NOT_FOUND),
        start("a dot-dot segment", START.withPath("/CDirectoryService/%2e%2e/CDirectoryService/StartAuthentication"), NOT_FOUND),
        start("a path parameter", START.withPath(CYBERARK_START + ";jsessionid=1"), NOT_FOUND),
        start("script in the query string", START.withPath(CYBERARK_START + "?q=%3Cscript%3Ealert(1)%3C/script%3E"), NEW_PACKAGE),
        send("an encoded NUL in the path", SEND.withPath(CYBERARK_SEND + "%00"), JETTY_BAD_REQUEST),
        // headers and compression (neither vendor documents compressed requests)
        start("a 100 KB header", START.withHeader("X-Hostile", longText(HUNDRED_KB)), JETTY_HEADERS_TOO_LARGE),
        start("Content-Encoding gzip on a plain body", START.withHeader("Content-Encoding", "gzip"), FAILURE),
        start("a gzipped body", START.withHeader("Content-Encoding", "gzip").withBody(gzip(bytes(startBody()))), FAILURE),
        send("a body that starts like gzip", SEND.withBody(raw(0x1f, 0x8b, 0x08, 0x00, '{', '}')), FAILURE),
        start("a gzip bomb (16 MB of zeros)",
            START.withHeader("Content-Encoding", "gzip").withBody(gzipBomb(16 << 20)), FAILURE)));
    // nulls and wrong types in every field; a null or blank TenantId counts as absent: the default tenant
    cases.addAll(oddValues(START, startBody(), "/User", Variations.same(FAILURE)));
    cases.addAll(oddValues(START, without(startBody(), "User"), "/UUID", Variations.same(FAILURE)));
    cases.addAll(oddValues(START, startBody(), "/TenantId", NEW_PACKAGE, FAILURE, FAILURE, FAILURE, FAILURE, NEW_PACKAGE));
    for (String field : List.of("/Action", "/Answer", "/MechanismId", "/SessionId", "/TenantId")) {
      cases.addAll(oddValues(SEND, answerBody(), field, Variations.same(FAILURE)));
    }
    cases.addAll(Variations.otherMethods("StartAuthentication", Setup.NONE, START));
    cases.addAll(Variations.otherMethods("SendIdentityVerification", Setup.LIVE_SESSION, SEND));
    return cases;
  }

  private static HostileCase start(String name, byte[] body, Expect expect) {
    return start(name, START.withBody(body), expect);
  }

  private static HostileCase start(String name, RawRequest request, Expect expect) {
    return new HostileCase("StartAuthentication: " + name, Setup.NONE, request, expect);
  }

  private static HostileCase send(String name, byte[] body, Expect expect) {
    return send(name, Setup.LIVE_SESSION, body, expect);
  }

  private static HostileCase send(String name, RawRequest request, Expect expect) {
    return new HostileCase("SendIdentityVerification: " + name, Setup.LIVE_SESSION, request, expect);
  }

  private static HostileCase send(String name, Setup setup, byte[] body, Expect expect) {
    return new HostileCase("SendIdentityVerification: " + name, setup, SEND.withBody(body), expect);
  }

  private static List<HostileCase> oddValues(RawRequest endpoint, ObjectNode body, String pointer, Expect... answers) {
    boolean start = endpoint == START;
    return Variations.oddValues(start ? "StartAuthentication" : "SendIdentityVerification",
        start ? Setup.NONE : Setup.LIVE_SESSION, endpoint, pointer, body, answers);
  }
}
