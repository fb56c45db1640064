package dev.lethe.core.meta;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignedRequestVerifierTest {

  static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  static final MetaSigner CHAT_APP = new MetaSigner("0f3c9a1b2d4e5f60718293a4b5c6d7e8");
  static final MetaSigner SHOP_APP = new MetaSigner("aa11bb22cc33dd44ee55ff6677889900");
  static final MetaSigner SHOP_APP_BEFORE_ROTATION =
      new MetaSigner("99887766554433221100ffeeddccbbaa");

  static final SignedRequestVerifier VERIFIER =
      new SignedRequestVerifier(
          MetaApps.of(
              MetaApp.of("chat-app", "0f3c9a1b2d4e5f60718293a4b5c6d7e8"),
              MetaApp.rotating(
                  "shop-app",
                  "aa11bb22cc33dd44ee55ff6677889900",
                  "99887766554433221100ffeeddccbbaa")));

  @Test
  void a_person_removing_the_app_yields_their_app_scoped_id() {
    SignedPayload payload =
        VERIFIER.verify(CHAT_APP.userRemoval("218471", NOW.minusSeconds(30)), NOW);

    assertThat(payload.app()).isEqualTo("chat-app");
    assertThat(payload.secret()).isEqualTo(SecretSlot.CURRENT);
    assertThat(payload.kind()).isEqualTo(SignedPayload.Kind.USER);
    assertThat(payload.userId()).contains("218471");
    assertThat(payload.pageId()).isEmpty();
    assertThat(payload.issuedAt()).isEqualTo(NOW.minusSeconds(30));
    assertThat(payload.expires()).isEmpty();
  }

  @Test
  void each_app_is_recognised_by_the_secret_that_signed_the_request() {
    assertThat(VERIFIER.verify(CHAT_APP.userRemoval("1", NOW), NOW).app()).isEqualTo("chat-app");
    assertThat(VERIFIER.verify(SHOP_APP.userRemoval("1", NOW), NOW).app()).isEqualTo("shop-app");
  }

  @Test
  void during_rotation_the_previous_secret_still_verifies_and_is_reported() {
    SignedPayload payload =
        VERIFIER.verify(SHOP_APP_BEFORE_ROTATION.userRemoval("218471", NOW), NOW);

    assertThat(payload.app()).isEqualTo("shop-app");
    assertThat(payload.secret()).isEqualTo(SecretSlot.PREVIOUS);
  }

  @Test
  void padded_and_unpadded_encodings_both_verify() {
    // 65 bytes of JSON need one '=' of padding, as a 32-byte HMAC always does.
    String json =
        "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":"
            + NOW.getEpochSecond()
            + ",\"user_id\":\"21\"}";
    String padded = CHAT_APP.signPadded(json);
    assertThat(padded).contains("=.").endsWith("=");

    assertThat(VERIFIER.verify(padded, NOW).userId()).contains("21");
    assertThat(VERIFIER.verify(CHAT_APP.sign(json), NOW).userId()).contains("21");
  }

  @Test
  void a_user_id_sent_as_a_json_number_reads_as_decimal_text() {
    String request =
        CHAT_APP.sign(
            "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":"
                + NOW.getEpochSecond()
                + ",\"user_id\":10215897521983476}");

    assertThat(VERIFIER.verify(request, NOW).userId()).contains("10215897521983476");
  }

  @Test
  void a_page_removing_the_app_is_reported_with_its_page_id_and_no_user() {
    SignedPayload payload = VERIFIER.verify(CHAT_APP.pageRemoval("104478231", NOW), NOW);

    assertThat(payload.kind()).isEqualTo(SignedPayload.Kind.PAGE);
    assertThat(payload.isPageRemoval()).isTrue();
    assertThat(payload.pageId()).contains("104478231");
    assertThat(payload.userId()).isEmpty();
  }

  @Test
  void the_algorithm_name_is_compared_ignoring_case() {
    String request =
        CHAT_APP.sign(
            "{\"algorithm\":\"hmac-sha256\",\"issued_at\":"
                + NOW.getEpochSecond()
                + ",\"user_id\":\"5\"}");

    assertThat(VERIFIER.verify(request, NOW).userId()).contains("5");
  }

  @Test
  void a_future_expiry_is_kept_and_an_expiry_of_zero_means_none() {
    String expiring =
        CHAT_APP.sign(
            "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":"
                + NOW.getEpochSecond()
                + ",\"expires\":"
                + NOW.plusSeconds(3600).getEpochSecond()
                + ",\"user_id\":\"5\"}");
    String neverExpiring =
        CHAT_APP.sign(
            "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":"
                + NOW.getEpochSecond()
                + ",\"expires\":0,\"user_id\":\"5\"}");

    assertThat(VERIFIER.verify(expiring, NOW).expires()).contains(NOW.plusSeconds(3600));
    assertThat(VERIFIER.verify(neverExpiring, NOW).expires()).isEmpty();
  }

  @Test
  void issued_at_at_the_edges_of_the_freshness_window_is_accepted() {
    assertThat(VERIFIER.verify(CHAT_APP.userRemoval("5", NOW.minus(Duration.ofHours(1))), NOW))
        .isNotNull();
    assertThat(VERIFIER.verify(CHAT_APP.userRemoval("5", NOW.plus(Duration.ofMinutes(5))), NOW))
        .isNotNull();
  }

  @Test
  void the_freshness_window_is_configurable() {
    SignedRequestVerifier lenient =
        new SignedRequestVerifier(
            MetaApps.of(MetaApp.of("chat-app", "0f3c9a1b2d4e5f60718293a4b5c6d7e8")),
            new FreshnessWindow(Duration.ofDays(2), Duration.ZERO));

    assertThat(lenient.verify(CHAT_APP.userRemoval("5", NOW.minus(Duration.ofDays(1))), NOW))
        .isNotNull();
  }

  @Test
  void the_same_signed_request_always_has_the_same_fingerprint() {
    String request = CHAT_APP.userRemoval("218471", NOW);

    String first = VERIFIER.verify(request, NOW).fingerprint();
    String again = VERIFIER.verify(request, NOW.plusSeconds(60)).fingerprint();

    assertThat(first).hasSize(64).isEqualTo(again);
    assertThat(
            VERIFIER.verify(CHAT_APP.userRemoval("218471", NOW.minusSeconds(1)), NOW).fingerprint())
        .isNotEqualTo(first);
  }

  @Test
  void a_signature_spelled_with_or_without_padding_has_one_fingerprint() {
    String unpadded = CHAT_APP.userRemoval("218471", NOW);
    int dot = unpadded.indexOf('.');
    String padded = unpadded.substring(0, dot) + "=" + unpadded.substring(dot);

    assertThat(VERIFIER.verify(padded, NOW).fingerprint())
        .isEqualTo(VERIFIER.verify(unpadded, NOW).fingerprint());
  }

  @Test
  void a_signature_spelled_with_other_unused_trailing_bits_has_one_fingerprint() {
    String request = CHAT_APP.userRemoval("218471", NOW);
    int dot = request.indexOf('.');
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    // 43 characters carry 258 bits for a 256-bit HMAC: the last character's two low bits are
    // unused.
    char last = request.charAt(dot - 1);
    char sameBytes = alphabet.charAt(alphabet.indexOf(last) ^ 1);
    String respelled = request.substring(0, dot - 1) + sameBytes + request.substring(dot);

    assertThat(VERIFIER.verify(respelled, NOW).fingerprint())
        .isEqualTo(VERIFIER.verify(request, NOW).fingerprint());
  }

  @Test
  void the_fingerprint_is_the_sha256_of_the_request_meta_sent() throws Exception {
    String request = CHAT_APP.userRemoval("218471", NOW);
    byte[] sha256 =
        java.security.MessageDigest.getInstance("SHA-256").digest(request.getBytes(UTF_8));

    assertThat(VERIFIER.verify(request, NOW).fingerprint())
        .isEqualTo(java.util.HexFormat.of().formatHex(sha256));
  }

  @Test
  void the_payload_prints_without_ids() {
    SignedPayload payload = VERIFIER.verify(CHAT_APP.userRemoval("218471", NOW), NOW);

    assertThat(payload.toString()).doesNotContain("218471").contains("chat-app");
  }

  @Test
  void leading_zeros_of_an_id_are_dropped() {
    assertThat(VERIFIER.verify(CHAT_APP.userRemoval("00218471", NOW), NOW).userId())
        .isEqualTo(Optional.of("218471"));
  }
}
