package dev.lethe.core.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.request.Actor;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a new hold must carry, checked before anything is stored. */
class HoldValidationTest {

  static final Identity CAROL = new Identity(IdentityKind.EMAIL, "carol@example.com");

  static NewHold hold(
      Optional<String> workspace,
      Optional<Identity> identity,
      Optional<String> entity,
      Optional<String> key) {
    return new NewHold(
        workspace, identity, entity, key, "audit", Optional.empty(), Optional.empty());
  }

  @Test
  void a_hold_without_a_target_is_refused() {
    assertThatThrownBy(
            () -> hold(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
        .isInstanceOf(InvalidHoldException.class)
        .hasMessage(
            "a hold has exactly one target: a workspace, an identity, or an entity and key (none"
                + " given)");
  }

  @Test
  void a_hold_with_two_targets_is_refused_and_told_which_were_given() {
    assertThatThrownBy(
            () -> hold(Optional.of("10"), Optional.of(CAROL), Optional.empty(), Optional.empty()))
        .isInstanceOf(InvalidHoldException.class)
        .hasMessage(
            "a hold has exactly one target: a workspace, an identity, or an entity and key (given:"
                + " a workspace, an identity)");
    assertThatThrownBy(
            () ->
                hold(
                    Optional.of("10"), Optional.empty(), Optional.of("contacts"), Optional.of("7")))
        .isInstanceOf(InvalidHoldException.class)
        .hasMessageContaining("given: a workspace, a row");
  }

  @Test
  void a_row_hold_needs_both_the_entity_and_the_key() {
    assertThatThrownBy(
            () ->
                hold(Optional.empty(), Optional.empty(), Optional.of("contacts"), Optional.empty()))
        .isInstanceOf(InvalidHoldException.class)
        .hasMessage("a row hold needs both the entity and the key of the row");
    assertThatThrownBy(
            () -> hold(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("7")))
        .isInstanceOf(InvalidHoldException.class)
        .hasMessage("a row hold needs both the entity and the key of the row");
  }

  @Test
  void a_workspace_is_1_to_255_characters_and_stripped() {
    assertThat(NewHold.onWorkspace(" 10 ", "audit").workspace()).contains("10");
    assertThatThrownBy(() -> NewHold.onWorkspace("  ", "audit"))
        .isInstanceOf(InvalidHoldException.class)
        .hasMessage("the workspace must be 1 to 255 characters");
    assertThatThrownBy(() -> NewHold.onWorkspace("w".repeat(256), "audit"))
        .isInstanceOf(InvalidHoldException.class)
        .hasMessage("the workspace must be 1 to 255 characters");
    assertThat(NewHold.onWorkspace("w".repeat(255), "audit").workspace()).isPresent();
  }

  @Test
  void an_entity_is_a_plain_name_and_a_key_is_1_to_255_characters() {
    assertThat(NewHold.onRow("conversation_messages", "1001", "dispute").entity())
        .contains("conversation_messages");
    for (String bad : new String[] {"1contacts", "contacts; drop table x", "a-b", "x".repeat(64)}) {
      assertThatThrownBy(() -> NewHold.onRow(bad, "7", "dispute"))
          .as(bad)
          .isInstanceOf(InvalidHoldException.class)
          .hasMessageStartingWith("the entity must be a plain name of the data map");
    }
    assertThatThrownBy(() -> NewHold.onRow("contacts", " ", "dispute"))
        .isInstanceOf(InvalidHoldException.class)
        .hasMessage("the key must be 1 to 255 characters, not blank");
    assertThatThrownBy(() -> NewHold.onRow("contacts", "k".repeat(256), "dispute"))
        .isInstanceOf(InvalidHoldException.class)
        .hasMessage("the key must be 1 to 255 characters, not blank");
  }

  @Test
  void a_reason_is_required_and_at_most_500_characters() {
    assertThatThrownBy(() -> NewHold.onWorkspace("10", null))
        .isInstanceOf(InvalidHoldException.class)
        .hasMessage("a hold needs a reason");
    assertThatThrownBy(() -> NewHold.onWorkspace("10", " \n "))
        .isInstanceOf(InvalidHoldException.class)
        .hasMessage("a hold needs a reason");
    assertThatThrownBy(() -> NewHold.onWorkspace("10", "r".repeat(501)))
        .isInstanceOf(InvalidHoldException.class)
        .hasMessage("the reason must be at most 500 characters");
    assertThat(NewHold.onWorkspace("10", " " + "r".repeat(500) + " ").reason()).hasSize(500);
  }

  @Test
  void a_reference_is_optional_and_at_most_255_characters() {
    assertThat(NewHold.onWorkspace("10", "audit").withReference("  ").reference()).isEmpty();
    assertThat(NewHold.onWorkspace("10", "audit").withReference(" CASE-1 ").reference())
        .contains("CASE-1");
    assertThatThrownBy(() -> NewHold.onWorkspace("10", "audit").withReference("c".repeat(256)))
        .isInstanceOf(InvalidHoldException.class)
        .hasMessage("the reference must be at most 255 characters");
  }

  @Test
  void an_expiry_is_kept_to_the_microsecond() {
    NewHold hold =
        NewHold.onWorkspace("10", "audit")
            .expiringAt(Instant.parse("2030-01-01T00:00:00.123456789Z"));
    assertThat(hold.expiresAt()).contains(Instant.parse("2030-01-01T00:00:00.123456Z"));
  }

  @Test
  void a_hold_is_active_until_it_expires_or_is_lifted() {
    Instant placed = Instant.parse("2025-03-01T10:00:00Z");
    Instant expiry = Instant.parse("2025-04-01T10:00:00Z");
    Hold hold =
        new Hold(
            "h-1",
            new LegalHold.Tenant("10"),
            "audit",
            Optional.empty(),
            placed,
            Actor.operator("legal-1"),
            Optional.of(expiry),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    assertThat(hold.active(placed)).isTrue();
    assertThat(hold.active(expiry.minusNanos(1))).isTrue();
    assertThat(hold.active(expiry)).isFalse();
    Hold lifted =
        new Hold(
            hold.id(),
            hold.target(),
            hold.reason(),
            hold.reference(),
            hold.placedAt(),
            hold.placedBy(),
            Optional.empty(),
            Optional.of(placed.plusSeconds(60)),
            Optional.of(Actor.operator("legal-2")),
            Optional.empty());
    assertThat(lifted.active(placed)).isFalse();
    assertThat(hold.toLegalHold())
        .isEqualTo(new LegalHold("h-1", new LegalHold.Tenant("10"), "audit", Optional.of(expiry)));
  }

  @Test
  void a_listing_page_is_at_most_500_holds() {
    assertThatThrownBy(() -> HoldFilter.all().page(0, 501))
        .isInstanceOf(InvalidHoldException.class)
        .hasMessage("limit must be between 1 and 500");
    assertThatThrownBy(() -> HoldFilter.all().page(-1, 10))
        .isInstanceOf(InvalidHoldException.class)
        .hasMessage("offset must not be negative");
    assertThat(HoldFilter.active().page(500, 500).limit()).isEqualTo(500);
  }
}
