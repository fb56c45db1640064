package dev.lethe.core.deadline;

import dev.lethe.core.deadline.Due.SetBy;
import dev.lethe.core.deadline.ExtensionRefusedException.Why;
import dev.lethe.core.request.RequestSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Due dates of deletion requests: each is the earlier of the product's promise and every legal
 * limit of the request's jurisdictions, and remembers which rule set it. On a tie the law is named.
 */
public final class Deadlines {

  private static final Comparator<Due> EARLIEST = Comparator.comparing(Due::by);

  private final Clock clock;
  private final ProductPromises promises;
  private final BusinessCalendar calendar;

  public Deadlines(Clock clock, ProductPromises promises, BusinessCalendar calendar) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.promises = Objects.requireNonNull(promises, "promises");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  public DueDates dueDates(
      Instant receivedAt, Set<Jurisdiction> jurisdictions, RequestSource source) {
    if (jurisdictions.isEmpty()) {
      throw new IllegalArgumentException(
          "a request falls under at least one jurisdiction (OTHER when none is encoded)");
    }
    ZonedDateTime received = receivedAt.atZone(calendar.zone());
    Set<Jurisdiction> regimes = EnumSet.copyOf(jurisdictions);
    Promise promise = promises.forSource(source);
    String promised = "our promise (" + source.code() + "): ";

    List<Due> acknowledge = new ArrayList<>();
    List<Due> complete = new ArrayList<>();
    for (Jurisdiction regime : regimes) {
      regime.acknowledge().ifPresent(limit -> acknowledge.add(byLaw(received, limit)));
      regime.complete().ifPresent(limit -> complete.add(byLaw(received, limit)));
    }
    promise
        .acknowledgeWithin()
        .ifPresent(
            span ->
                acknowledge.add(
                    due(received, span, SetBy.PROMISE, promised + "acknowledge within")));
    complete.add(
        due(received, promise.completeWithin(), SetBy.PROMISE, promised + "complete within"));

    return new DueDates(
        receivedAt,
        regimes,
        source,
        acknowledge.stream().min(EARLIEST),
        complete.stream().min(EARLIEST).orElseThrow(),
        List.of());
  }

  /**
   * {@code dates} with completion moved {@code by} later. Allowed only while the original legal
   * period of every jurisdiction is still running (the person must be told within it), and only up
   * to the earliest legal maximum among them.
   */
  public DueDates extend(DueDates dates, String reason, Span by) {
    Objects.requireNonNull(by, "by");
    if (reason == null || reason.isBlank()) {
      throw new ExtensionRefusedException(Why.BLANK_REASON, "an extension needs a reason");
    }
    Instant now = clock.instant();
    ZonedDateTime received = dates.receivedAt().atZone(calendar.zone());
    List<Due> maxima = new ArrayList<>();
    for (Jurisdiction regime : dates.jurisdictions()) {
      Optional<LegalLimit> limit = regime.complete();
      if (limit.isEmpty()) {
        continue;
      }
      ZonedDateTime original = limit.get().span().addTo(received, calendar);
      if (!now.isBefore(original.toInstant())) {
        throw new ExtensionRefusedException(
            Why.NOTICE_TOO_LATE,
            "the original period under "
                + regime
                + " ended at "
                + original.toInstant()
                + "; an extension must be announced within it");
      }
      maxima.add(
          regime
              .extension()
              .map(
                  e ->
                      new Due(
                          e.maximum().addTo(original, calendar).toInstant(),
                          SetBy.LAW,
                          e.citation()))
              .orElseGet(
                  () ->
                      new Due(
                          original.toInstant(),
                          SetBy.LAW,
                          limit.get().citation() + "; no extension allowed")));
    }
    Due latest =
        maxima.stream()
            .min(EARLIEST)
            .orElseThrow(
                () ->
                    new ExtensionRefusedException(
                        Why.NO_LEGAL_PERIOD,
                        "no jurisdiction of this request sets a legal period to extend; the"
                            + " product's promise stands"));
    Instant extended = by.addTo(dates.completeBy().atZone(calendar.zone()), calendar).toInstant();
    if (extended.isAfter(latest.by())) {
      throw new ExtensionRefusedException(
          Why.BEYOND_LEGAL_MAXIMUM,
          "extending by "
              + by.describe()
              + " gives "
              + extended
              + ", after the legal maximum "
              + latest.by()
              + " ("
              + latest.rule()
              + ")");
    }
    Due complete =
        new Due(extended, SetBy.EXTENSION, "extended by " + by.describe() + "; " + latest.rule());
    return dates.extendedTo(complete, new Extension(now, reason, by, dates.completeBy()));
  }

  private Due byLaw(ZonedDateTime received, LegalLimit limit) {
    return due(received, limit.span(), SetBy.LAW, limit.citation());
  }

  private Due due(ZonedDateTime received, Span span, SetBy setBy, String rule) {
    Instant by = span.addTo(received, calendar).toInstant();
    return new Due(by, setBy, setBy == SetBy.LAW ? rule : rule + " " + span.describe());
  }
}
