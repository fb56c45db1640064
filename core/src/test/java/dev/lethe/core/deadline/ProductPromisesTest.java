package dev.lethe.core.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.request.RequestSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductPromisesTest {

  private static final Promise STANDARD =
      Promise.acknowledgeAndComplete(Span.days(7), Span.days(30));

  @Test
  void a_source_without_its_own_promise_gets_the_standard_one() {
    ProductPromises promises =
        ProductPromises.of(STANDARD)
            .with(RequestSource.SELF_SERVICE, Promise.completeWithin(Span.hours(24)));

    assertThat(promises.forSource(RequestSource.EMAIL)).isEqualTo(STANDARD);
  }

  @Test
  void a_source_promise_replaces_the_standard_one_whole() {
    ProductPromises promises =
        ProductPromises.of(STANDARD)
            .with(RequestSource.META_CALLBACK, Promise.completeWithin(Span.days(30)));

    assertThat(promises.forSource(RequestSource.META_CALLBACK).acknowledgeWithin()).isEmpty();
  }

  @Test
  void sources_are_configured_by_their_lower_case_keys() {
    assertThat(RequestSource.fromCode("meta_deauthorize"))
        .isEqualTo(RequestSource.META_DEAUTHORIZE);
    assertThat(RequestSource.SELF_SERVICE.code()).isEqualTo("self_service");
    assertThatThrownBy(() -> RequestSource.fromCode("fax"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_promise_needs_a_completion_span() {
    assertThatThrownBy(() -> new Promise(Optional.empty(), null))
        .isInstanceOf(NullPointerException.class);
  }
}
