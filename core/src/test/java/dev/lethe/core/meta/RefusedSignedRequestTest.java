package dev.lethe.core.meta;

import static dev.lethe.core.meta.InvalidSignedRequestException.Reason.BAD_ENCODING;
import static dev.lethe.core.meta.InvalidSignedRequestException.Reason.BAD_PAYLOAD;
import static dev.lethe.core.meta.InvalidSignedRequestException.Reason.BAD_SIGNATURE;
import static dev.lethe.core.meta.InvalidSignedRequestException.Reason.EXPIRED;
import static dev.lethe.core.meta.InvalidSignedRequestException.Reason.FROM_THE_FUTURE;
import static dev.lethe.core.meta.InvalidSignedRequestException.Reason.MALFORMED;
import static dev.lethe.core.meta.InvalidSignedRequestException.Reason.MISSING;
import static dev.lethe.core.meta.InvalidSignedRequestException.Reason.STALE;
import static dev.lethe.core.meta.InvalidSignedRequestException.Reason.TOO_LARGE;
import static dev.lethe.core.meta.InvalidSignedRequestException.Reason.UNSUPPORTED_ALGORITHM;
import static dev.lethe.core.meta.SignedRequestVerifierTest.CHAT_APP;
import static dev.lethe.core.meta.SignedRequestVerifierTest.NOW;
import static dev.lethe.core.meta.SignedRequestVerifierTest.VERIFIER;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lethe.core.meta.InvalidSignedRequestException.Reason;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefusedSignedRequestTest {

  static final String ISSUED_NOW = "\"issued_at\":" + NOW.getEpochSecond();

  @Test
  void a_missing_request_is_refused() {
    assertRefused(null, MISSING);
    assertRefused("", MISSING);
  }

  @Test
  void a_request_longer_than_8_kib_is_refused_before_its_signature_is_checked() {
    String huge =
        CHAT_APP.sign(
            "{\"algorithm\":\"HMAC-SHA256\","
                + ISSUED_NOW
                + ",\"user_id\":\"5\",\"pad\":\""
                + "x".repeat(8 * 1024)
                + "\"}");

    assertRefused(huge, TOO_LARGE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"no-dot-at-all", "a.b.c", ".payload", "signature.", ".", "..", "a..b"})
  void anything_but_two_non_empty_parts_is_malformed(String request) {
    assertRefused(request, MALFORMED);
  }

  @Test
  void a_third_part_after_a_valid_request_is_malformed() {
    assertRefused(CHAT_APP.userRemoval("5", NOW) + ".extra", MALFORMED);
  }

  @Test
  void a_payload_in_standard_base64_is_refused_even_when_signed() {
    String json = standardBase64Json();
    String standard = Base64.getEncoder().withoutPadding().encodeToString(json.getBytes(UTF_8));
    assertThat(standard).containsAnyOf("+", "/");

    assertRefused(CHAT_APP.signEncoded(standard), BAD_ENCODING);
  }

  @Test
  void a_signature_in_standard_base64_is_refused() {
    String request = CHAT_APP.userRemoval("5", NOW);
    String standard = "+/" + request.substring(2);

    assertRefused(standard, BAD_ENCODING);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ab%2F.eyJ9", "ab cd.eyJ9", "abcd.eyJ9===", "abcde.eyJ9", "abcd.=", "a=bc.eyJ9"})
  void characters_and_padding_outside_base64url_are_refused(String request) {
    assertRefused(request, BAD_ENCODING);
  }

  @Test
  void a_request_signed_with_an_unknown_secret_is_refused() {
    assertRefused(new MetaSigner("not-a-configured-secret").userRemoval("5", NOW), BAD_SIGNATURE);
  }

  @Test
  void a_signature_differing_only_in_its_last_byte_is_refused() {
    String request = CHAT_APP.userRemoval("5", NOW);
    String payload = request.substring(request.indexOf('.') + 1);
    byte[] signature = CHAT_APP.hmac(payload);
    signature[31] ^= 1;

    assertRefused(MetaSigner.urlUnpadded(signature) + "." + payload, BAD_SIGNATURE);
  }

  @Test
  void a_truncated_signature_is_refused() {
    String request = CHAT_APP.userRemoval("5", NOW);
    String payload = request.substring(request.indexOf('.') + 1);
    byte[] signature = java.util.Arrays.copyOf(CHAT_APP.hmac(payload), 31);

    assertRefused(MetaSigner.urlUnpadded(signature) + "." + payload, BAD_SIGNATURE);
  }

  @Test
  void a_signature_over_the_re_encoded_payload_is_refused() {
    String json = "{\"algorithm\":\"HMAC-SHA256\"," + ISSUED_NOW + ",\"user_id\":\"21\"}";
    String sent = MetaSigner.urlUnpadded(json.getBytes(UTF_8));
    String reEncoded = Base64.getUrlEncoder().encodeToString(json.getBytes(UTF_8));
    assertThat(reEncoded).isNotEqualTo(sent);

    assertRefused(MetaSigner.urlUnpadded(CHAT_APP.hmac(reEncoded)) + "." + sent, BAD_SIGNATURE);
    assertRefused(MetaSigner.urlUnpadded(CHAT_APP.hmac(json)) + "." + sent, BAD_SIGNATURE);
  }

  @Test
  void the_payload_of_an_unsigned_request_is_never_parsed() {
    // Nested deeper than Jackson allows: parsing it would fail with BAD_PAYLOAD, not BAD_SIGNATURE.
    String hostile = MetaSigner.urlUnpadded("[".repeat(4000).getBytes(UTF_8));
    String forged = new MetaSigner("attacker").signEncoded(hostile);

    assertRefused(forged, BAD_SIGNATURE);
    assertRefused(CHAT_APP.signEncoded(hostile), BAD_PAYLOAD);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"issued_at\":%d,\"user_id\":\"5\"}",
        "{\"algorithm\":\"HMAC-SHA1\",\"issued_at\":%d,\"user_id\":\"5\"}",
        "{\"algorithm\":\"none\",\"issued_at\":%d,\"user_id\":\"5\"}",
        "{\"algorithm\":\"HMAC-SHA256 \",\"issued_at\":%d,\"user_id\":\"5\"}",
        "{\"algorithm\":null,\"issued_at\":%d,\"user_id\":\"5\"}",
        "{\"algorithm\":256,\"issued_at\":%d,\"user_id\":\"5\"}"
      })
  void any_algorithm_but_hmac_sha256_is_refused(String template) {
    assertRefused(CHAT_APP.sign(template.formatted(NOW.getEpochSecond())), UNSUPPORTED_ALGORITHM);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[1,2,3]",
        "\"a string\"",
        "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":%d}",
        "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":%d,\"user_id\":null}",
        "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":%d,\"user_id\":\"\"}",
        "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":%d,\"user_id\":\"abc\"}",
        "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":%d,\"user_id\":\"-5\"}",
        "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":%d,\"user_id\":-5}",
        "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":%d,\"user_id\":5.5}",
        "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":%d,\"user_id\":true}",
        "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":%d,\"user_id\":\"0\"}",
        "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":%d,\"user_id\":\"0\",\"profile_id\":\"0\"}",
        "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":%d,\"user_id\":\"5\",\"user_id\":\"6\"}",
        "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":%d,\"user_id\":\"5\"} {}",
        "{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"5\"}",
        "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":\"%d\",\"user_id\":\"5\"}",
        "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":%d.5,\"user_id\":\"5\"}",
        "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":%d,\"expires\":\"soon\",\"user_id\":\"5\"}"
      })
  void a_payload_that_is_not_the_object_meta_sends_is_refused(String template) {
    assertRefused(CHAT_APP.sign(template.formatted(NOW.getEpochSecond())), BAD_PAYLOAD);
  }

  @Test
  void a_request_issued_more_than_an_hour_ago_is_stale() {
    assertRefused(CHAT_APP.userRemoval("5", NOW.minus(Duration.ofHours(1)).minusSeconds(1)), STALE);
  }

  @Test
  void a_request_issued_more_than_five_minutes_ahead_is_from_the_future() {
    assertRefused(
        CHAT_APP.userRemoval("5", NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)), FROM_THE_FUTURE);
  }

  @Test
  void an_expired_request_is_refused() {
    String expired =
        CHAT_APP.sign(
            "{\"algorithm\":\"HMAC-SHA256\","
                + ISSUED_NOW
                + ",\"expires\":"
                + NOW.getEpochSecond()
                + ",\"user_id\":\"5\"}");

    assertRefused(expired, EXPIRED);
  }

  @Test
  void the_refusal_message_never_repeats_the_request_or_its_ids() {
    String request =
        CHAT_APP.sign(
            "{\"algorithm\":\"HMAC-SHA256\"," + ISSUED_NOW + ",\"user_id\":\"x218471x\"}");

    InvalidSignedRequestException refusal = refusal(request);

    assertThat(refusal.reason()).isEqualTo(BAD_PAYLOAD);
    assertThat(refusal.getMessage())
        .isEqualTo(BAD_PAYLOAD.description())
        .doesNotContain("218471")
        .doesNotContain(request.substring(request.indexOf('.') + 1, request.indexOf('.') + 10));
    assertThat(refusal.getCause()).isNull();
  }

  /** A JSON payload whose standard base64 holds '+' or '/', found by varying a filler field. */
  private static String standardBase64Json() {
    for (int i = 0; ; i++) {
      String json =
          "{\"algorithm\":\"HMAC-SHA256\","
              + ISSUED_NOW
              + ",\"user_id\":\"5\",\"n\":\"?>~"
              + i
              + "\"}";
      String standard = Base64.getEncoder().encodeToString(json.getBytes(UTF_8));
      if (standard.contains("+") || standard.contains("/")) {
        return json;
      }
    }
  }

  private static void assertRefused(String request, Reason reason) {
    assertThat(refusal(request).reason()).isEqualTo(reason);
  }

  private static InvalidSignedRequestException refusal(String request) {
    InvalidSignedRequestException refusal =
        catchThrowableOfType(
            InvalidSignedRequestException.class, () -> VERIFIER.verify(request, NOW));
    assertThat(refusal).as("refusal").isNotNull();
    return refusal;
  }
}
