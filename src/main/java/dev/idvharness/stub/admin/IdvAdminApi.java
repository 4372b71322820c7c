package dev.idvharness.stub.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.idvharness.stub.StubState;
import dev.idvharness.stub.json.Json;
import dev.idvharness.stub.profile.Endpoint;
import dev.idvharness.stub.profile.Profile;
import dev.idvharness.stub.profile.ProfileException;
import dev.idvharness.stub.profile.Profiles;
import dev.idvharness.stub.stats.PollRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/**
 * Admin endpoints under {@code /__admin/idv/}: the live profile (read, replace, change one endpoint), the serve
 * statistics with their lag (saturated stub vs slow vendor), each session's poll discipline, a reset, and the OpenAPI
 * description of everything the stub serves.
 * DO NOT REGISTER directly: {@code IdvStubExtensions} creates it with the server's shared state.
 */
public final class IdvAdminApi implements AdminApiExtension {

  public static final String NAME = "idv-admin";

  /** docs/openapi/idv-stubs.json, which the build copies next to this class (pom.xml, resources). */
  static final String OPENAPI_RESOURCE = "idv-stubs.json";

  private final StubState state;

  public IdvAdminApi(StubState state) {
    this.state = state;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    router.add(RequestMethod.GET, "/idv/profile", (admin, event, params) -> json(200, Json.MAPPER.valueToTree(state.profile())));
    router.add(RequestMethod.PUT, "/idv/profile", (admin, event, params) -> replace(
        body -> Profiles.parse(body, "profile"), event.getRequest().getBody()));
    router.add(RequestMethod.PUT, "/idv/profile/endpoints/{name}", (admin, event, params) -> {
      String name = params.get("name");
      if (!Endpoint.ALL.contains(name)) {
        return error(404, "unknown endpoint '" + name + "' (known: " + String.join(", ", Endpoint.ALL) + ")");
      }
      // a partial update changes only what it names: {"faults": ...} keeps the endpoint's delay
      return replace(body -> state.profile().withEndpoint(name, Profiles.updateEndpoint(
          state.profile().endpoints().get(name), body, "endpoint " + name)), event.getRequest().getBody());
    });
    router.add(RequestMethod.GET, "/idv/stats", (admin, event, params) -> json(200, state.statsJson()));
    router.add(RequestMethod.GET, "/idv/stats/replica", (admin, event, params) -> json(200, state.replicaStatsJson()));
    router.add(RequestMethod.POST, "/idv/stats/reset", (admin, event, params) -> {
      state.resetStats();
      return json(200, Json.object().put("reset", "stats"));
    });
    router.add(RequestMethod.POST, "/idv/reset", (admin, event, params) -> {
      state.reset();
      return json(200, Json.object().put("reset", true));
    });
    router.add(RequestMethod.GET, "/idv/clients", (admin, event, params) -> json(200, state.clientsJson()));
    router.add(RequestMethod.GET, "/idv/openapi.json", (admin, event, params) -> openApi());
    router.add(RequestMethod.GET, "/idv/sessions/cyberark/{id}",
        (admin, event, params) -> session(state.cyberArk().pollRecord(params.get("id"))));
    router.add(RequestMethod.GET, "/idv/sessions/ironvest/{id}",
        (admin, event, params) -> session(state.ironVest().pollRecord(params.get("id"),
            event.getRequest().queryParameter("cid").isPresent()
                ? event.getRequest().queryParameter("cid").firstValue() : null)));
  }

  private ResponseDefinition replace(Function<byte[], Profile> parse, byte[] body) {
    try {
      Profile next = parse.apply(body);
      state.replaceProfile(next);
      return json(200, Json.MAPPER.valueToTree(next));
    } catch (ProfileException bad) {
      return error(422, bad.getMessage());
    }
  }

  private static ResponseDefinition session(PollRecord record) {
    if (record == null) {
      return error(404, "no such live session");
    }
    return json(200, record.toJson());
  }

  /** The description exactly as the build copied it: the same bytes as docs/openapi/idv-stubs.json. */
  private static ResponseDefinition openApi() {
    try (InputStream in = IdvAdminApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        return error(404, "this build carries no OpenAPI description (docs/openapi/idv-stubs.json)");
      }
      return ResponseDefinitionBuilder.responseDefinition()
          .withStatus(200)
          .withHeader("Content-Type", "application/json")
          .withBody(in.readAllBytes())
          .build();
    } catch (IOException unreadable) {
      return error(404, "the OpenAPI description could not be read");
    }
  }

  private static ResponseDefinition error(int status, String message) {
    return json(status, Json.object().put("error", message));
  }

  private static ResponseDefinition json(int status, JsonNode body) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(Json.bytes(body))
        .build();
  }
}
