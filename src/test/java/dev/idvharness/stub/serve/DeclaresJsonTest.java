package dev.idvharness.stub.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which Content-Type values make the stub read a body as JSON: the media type before any parameter, any case. */
class DeclaresJsonTest {

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "APPLICATION/JSON",
      " application/json ;charset=UTF-8", "application/vnd.api+json", "application/problem+JSON", "application/json;"})
  void aJsonMediaTypeIsRead(String contentType) {
    assertThat(VendorTransformer.declaresJson(contentType)).isTrue();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "text/plain", "application/jsonp", "application/x-www-form-urlencoded",
      "text/plain; note=application/json", "application/json5", "json", ";application/json"})
  void anythingElseIsNot(String contentType) {
    assertThat(VendorTransformer.declaresJson(contentType)).isFalse();
  }
}
