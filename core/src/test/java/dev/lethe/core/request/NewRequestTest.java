package dev.lethe.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NewRequestTest {

  static final List<Identity> CAROL =
      List.of(new Identity(IdentityKind.EMAIL, "carol@example.com"));

  static NewRequest request(
      String scope, List<Identity> identities, Map<String, String> params, String code) {
    return new NewRequest(
        RequestType.ERASURE,
        scope,
        identities,
        Optional.empty(),
        params,
        "eu",
        RequestSource.API,
        Optional.empty(),
        false,
        Optional.empty(),
        Optional.ofNullable(code),
        Optional.empty());
  }

  @Test
  void a_scope_must_be_a_plain_name() {
    assertThatThrownBy(() -> request(" ", CAROL, Map.of(), null))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> request("contact; drop table", CAROL, Map.of(), null))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(request("bot_users", CAROL, Map.of(), null).scope()).isEqualTo("bot_users");
  }

  @Test
  void a_request_without_identities_must_carry_filter_parameters() {
    assertThatThrownBy(() -> request("contact", List.of(), Map.of(), null))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("identities");
    assertThat(request("bot_users", List.of(), Map.of("bot", "7"), null).params())
        .containsEntry("bot", "7");
  }

  @Test
  void the_jurisdiction_is_a_short_upper_case_code() {
    assertThat(request("contact", CAROL, Map.of(), null).jurisdiction()).isEqualTo("EU");
    assertThatThrownBy(
            () -> NewRequest.erasure("contact", CAROL, "the european union", RequestSource.API))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void a_confirmation_code_from_the_caller_is_letters_and_digits() {
    assertThat(request("contact", CAROL, Map.of(), "ABCD1234EFGH").confirmationCode())
        .contains("ABCD1234EFGH");
    assertThatThrownBy(() -> request("contact", CAROL, Map.of(), "short"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> request("contact", CAROL, Map.of(), "has spaces in it"))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void a_grace_period_must_be_positive() {
    NewRequest plain = NewRequest.erasure("contact", CAROL, "EU", RequestSource.API);
    assertThatThrownBy(() -> plain.withGracePeriod(Duration.ZERO))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(plain.withGracePeriod(Duration.ofDays(14)).gracePeriod())
        .contains(Duration.ofDays(14));
  }

  @Test
  void an_actor_cannot_be_named_by_an_email_address() {
    assertThatThrownBy(() -> Actor.operator("carol@example.com"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Actor.fromCode(Actor.operator("op-42").code())).isEqualTo(Actor.operator("op-42"));
    assertThat(Actor.fromCode("system")).isEqualTo(Actor.system());
  }

  @Test
  void notes_lose_email_addresses_and_long_numbers() {
    assertThat(Notes.redact("asked by carol@example.com from +62 812-3456-7890, see ticket 42"))
        .isEqualTo("asked by <redacted> from <redacted>, see ticket 42");
    assertThat(Notes.redact("run 7d0c4f5e-0000-4000-8000-000000000001 failed"))
        .isEqualTo("run 7d0c4f5e-0000-4000-8000-000000000001 failed");
    assertThat(Notes.redact("psid 1234567890123")).isEqualTo("psid <redacted>");
  }
}
