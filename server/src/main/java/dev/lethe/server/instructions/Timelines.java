package dev.lethe.server.instructions;

import dev.lethe.core.deadline.Jurisdiction;
import dev.lethe.core.deadline.LegalExtension;
import dev.lethe.core.deadline.LegalLimit;
import dev.lethe.core.deadline.ProductPromises;
import dev.lethe.core.deadline.Promise;
import dev.lethe.core.request.RequestSource;
import dev.lethe.server.instructions.InstructionsPage.LawRow;
import dev.lethe.server.instructions.InstructionsPage.PromiseRow;
import dev.lethe.server.pages.PageTexts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long a request takes: the product's promise for each door that is offered, and each law's
 * limits, as the deadlines compute them (the earlier of the two applies).
 */
final class Timelines {

  private final PageTexts texts;
  private final ProductPromises promises;
  private final boolean selfService;
  private final boolean form;
  private final boolean email;

  Timelines(
      PageTexts texts, ProductPromises promises, boolean selfService, boolean form, boolean email) {
    this.texts = texts;
    this.promises = promises;
    this.selfService = selfService;
    this.form = form;
    this.email = email;
  }

  List<PromiseRow> promises(Locale locale) {
    List<RequestSource> doors = new ArrayList<>();
    if (selfService) {
      doors.add(RequestSource.SELF_SERVICE);
    }
    if (form) {
      doors.add(RequestSource.WEB_FORM);
    }
    if (email) {
      doors.add(RequestSource.EMAIL);
    }
    doors.add(RequestSource.META_CALLBACK);
    return doors.stream()
        .map(
            door -> {
              Promise promise = promises.forSource(door);
              // without a promise, doors other than e-mail are acknowledged by their own answer
              String acknowledge =
                  promise
                      .acknowledgeWithin()
                      .map(s -> texts.span(s, locale))
                      .orElse(
                          door == RequestSource.EMAIL
                              ? null
                              : texts.text("instructions.timelines.at-once", locale));
              return new PromiseRow(
                  texts.text("door." + door.code(), locale),
                  acknowledge,
                  texts.span(promise.completeWithin(), locale));
            })
        .toList();
  }

  List<LawRow> laws(Locale locale) {
    return Arrays.stream(Jurisdiction.values())
        .filter(j -> j != Jurisdiction.OTHER)
        .map(
            j ->
                new LawRow(
                    texts.text("law." + j.name(), locale),
                    j.acknowledge()
                        .map(LegalLimit::span)
                        .map(s -> texts.span(s, locale))
                        .orElse(null),
                    j.complete().map(LegalLimit::span).map(s -> texts.span(s, locale)).orElse(null),
                    j.extension()
                        .map(LegalExtension::maximum)
                        .map(s -> texts.span(s, locale))
                        .orElse(null)))
        .toList();
  }
}
