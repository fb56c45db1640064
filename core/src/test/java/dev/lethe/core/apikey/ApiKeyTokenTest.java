package dev.lethe.core.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.request.Actor;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The token format, and what a key shows of itself. */
class ApiKeyTokenTest {

  static final String TOKEN = "lethe_DEM0DEM0DEM0DEM0_0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  @Test
  void a_token_is_the_prefix_a_16_character_id_and_a_32_character_secret() {
    ApiKeyToken token = ApiKeyToken.parse(TOKEN).orElseThrow();

    assertThat(token.id()).isEqualTo("DEM0DEM0DEM0DEM0");
    assertThat(token.secret()).isEqualTo("0123456789ABCDEFGHJKMNPQRSTVWXYZ");
    assertThat(token.text()).isEqualTo(TOKEN).hasSize(ApiKeyToken.LENGTH).hasSize(55);
  }

  @Test
  void generated_tokens_parse_back_and_differ() {
    SecureRandom random = new SecureRandom();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      ApiKeyToken token = ApiKeyToken.generate(random);
      assertThat(ApiKeyToken.parse(token.text())).contains(token);
      seen.add(token.text());
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void every_character_of_the_alphabet_is_drawn() {
    SplittableRandom random = new SplittableRandom(7);
    Set<Character> drawn = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      ApiKeyToken.generate(random).secret().chars().forEach(c -> drawn.add((char) c));
    }
    assertThat(drawn).hasSize(32).doesNotContain('I', 'L', 'O', 'U');
  }

  @Test
  void anything_not_exactly_in_the_format_does_not_parse() {
    for (String bad :
        new String[] {
          "",
          "lethe_",
          "lethe__",
          TOKEN.substring(1),
          TOKEN + "0",
          "LETHE" + TOKEN.substring(5),
          TOKEN.replace("DEM0DEM0DEM0DEM0", "DEM0DEM0DEM0DEMO"),
          TOKEN.replace("DEM0DEM0DEM0DEM0", "dem0dem0dem0dem0"),
          TOKEN.replace("_0123", "-0123"),
          "lethe_DEM0DEM0DEM0DEM_00123456789ABCDEFGHJKMNPQRSTVWXYZ",
          "lethe_DEM0DEM0DEM0DEM0_0123456789ABCDEFGHJKMNPQRSTVWXY_",
          "lethe_DEM0DEM0DEM0DEM0_0123456789ABCDEFGHJKMNPQRSTVWXYZ_0"
        }) {
      assertThat(ApiKeyToken.parse(bad)).as(bad).isEmpty();
    }
    assertThat(ApiKeyToken.parse(null)).isEmpty();
  }

  @Test
  void neither_a_token_nor_an_issued_key_shows_its_secret_when_printed() {
    ApiKeyToken token = ApiKeyToken.parse(TOKEN).orElseThrow();
    ApiKey key =
        new ApiKey(
            token.id(),
            "ops",
            Set.of(Permission.KEYS),
            Optional.empty(),
            Instant.parse("2025-03-01T10:00:00Z"),
            Actor.system(),
            Optional.empty(),
            Optional.empty());
    IssuedKey issued = new IssuedKey(key, TOKEN);

    for (String printed : new String[] {token.toString(), key.toString(), issued.toString()}) {
      assertThat(printed).doesNotContain("0123456789ABCDEF").contains("DEM0DEM0DEM0DEM0");
    }
    assertThat(issued.toString()).contains("lethe_DEM0DEM0DEM0DEM0_<redacted>");
  }

  @Test
  void a_workspace_key_reaches_only_its_workspace_and_an_unrestricted_key_reaches_all() {
    ApiKey acme = key(Optional.of("acme"), Optional.empty());
    ApiKey everywhere = key(Optional.empty(), Optional.empty());

    assertThat(acme.reaches(Optional.of("acme"))).isTrue();
    assertThat(acme.reaches(Optional.of("ACME"))).isFalse();
    assertThat(acme.reaches(Optional.empty())).isFalse();
    assertThat(everywhere.reaches(Optional.of("acme"))).isTrue();
    assertThat(everywhere.reaches(Optional.empty())).isTrue();
  }

  @Test
  void a_key_allows_its_permissions_until_it_is_revoked() {
    ApiKey live = key(Optional.empty(), Optional.empty());
    ApiKey revoked = key(Optional.empty(), Optional.of(Instant.parse("2025-03-02T00:00:00Z")));

    assertThat(live.allows(Permission.REQUESTS_READ)).isTrue();
    assertThat(live.allows(Permission.KEYS)).isFalse();
    assertThat(revoked.allows(Permission.REQUESTS_READ)).isFalse();
    assertThat(live.actor()).isEqualTo(Actor.apiKey("DEM0DEM0DEM0DEM0"));
  }

  private static ApiKey key(Optional<String> workspace, Optional<Instant> revokedAt) {
    return new ApiKey(
        "DEM0DEM0DEM0DEM0",
        "reader",
        Set.of(Permission.REQUESTS_READ),
        workspace,
        Instant.parse("2025-03-01T10:00:00Z"),
        Actor.operator("admin-1"),
        revokedAt,
        Optional.empty());
  }

  @Test
  void permissions_parse_from_their_codes_and_an_unknown_code_names_the_known_ones() {
    assertThat(Permission.parse("requests:read")).isEqualTo(Permission.REQUESTS_READ);
    assertThat(Permission.parse("requests:write")).isEqualTo(Permission.REQUESTS_WRITE);
    assertThat(Permission.parse("holds")).isEqualTo(Permission.HOLDS);
    assertThat(Permission.parse("keys")).isEqualTo(Permission.KEYS);
    assertThatThrownBy(() -> Permission.parse("requests:delete"))
        .isInstanceOf(InvalidApiKeyException.class)
        .hasMessage(
            "unknown permission 'requests:delete' (known: requests:read, requests:write, holds,"
                + " keys)");
    assertThatThrownBy(() -> Permission.parse("HOLDS")).isInstanceOf(InvalidApiKeyException.class);
  }
}
