package dev.lethe.core.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetaAppsTest {

  @Test
  void apps_are_kept_in_configuration_order_and_found_by_name() {
    MetaApps apps = MetaApps.of(MetaApp.of("b-app", "secret-b"), MetaApp.of("a-app", "secret-a"));

    assertThat(apps.all()).extracting(MetaApp::name).containsExactly("b-app", "a-app");
    assertThat(apps.named("a-app")).map(MetaApp::currentSecret).contains("secret-a");
    assertThat(apps.named("c-app")).isEmpty();
  }

  @Test
  void at_least_one_app_is_required() {
    assertThatThrownBy(() -> MetaApps.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
  }

  @Test
  void two_apps_may_not_share_a_name() {
    assertThatThrownBy(() -> MetaApps.of(MetaApp.of("app", "one"), MetaApp.of("app", "two")))
        .hasMessageContaining("configured twice");
  }

  @Test
  void two_apps_may_not_share_a_secret_current_or_previous() {
    assertThatThrownBy(() -> MetaApps.of(MetaApp.of("a", "same"), MetaApp.of("b", "same")))
        .hasMessageContaining("shares a secret");
    assertThatThrownBy(
            () -> MetaApps.of(MetaApp.of("a", "same"), MetaApp.rotating("b", "new", "same")))
        .hasMessageContaining("shares a secret");
  }

  @Test
  void a_secret_must_be_non_empty_and_unpadded_by_blanks() {
    assertThatThrownBy(() -> MetaApp.of("app", "")).hasMessageContaining("non-empty");
    assertThatThrownBy(() -> MetaApp.of("app", "  ")).hasMessageContaining("non-empty");
    assertThatThrownBy(() -> MetaApp.of("app", "secret\n")).hasMessageContaining("whitespace");
    assertThatThrownBy(() -> MetaApp.rotating("app", "new", "")).hasMessageContaining("non-empty");
    assertThatThrownBy(() -> MetaApp.of(" ", "secret")).hasMessageContaining("name");
  }

  @Test
  void the_previous_secret_must_differ_from_the_current_one() {
    assertThatThrownBy(() -> MetaApp.rotating("app", "same", "same"))
        .hasMessageContaining("previous secret equals");
  }

  @Test
  void an_app_prints_without_its_secrets() {
    MetaApp app = new MetaApp("shop-app", "current-secret", Optional.of("old-secret"));

    assertThat(app.toString()).contains("shop-app").doesNotContain("current-secret", "old-secret");
    assertThat(MetaApps.of(app).toString()).doesNotContain("current-secret", "old-secret");
  }
}
