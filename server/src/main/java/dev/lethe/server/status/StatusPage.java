package dev.lethe.server.status;

import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.receipt.ReceiptSummary;
import dev.lethe.core.request.Deadline;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.RequestEvent;
import dev.lethe.core.request.RequestState;
import dev.lethe.server.pages.DataNames;
import dev.lethe.server.pages.PageTexts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The status page for people, in their language: the same facts as the JSON, and the request's
 * steps as a timeline. Only the states and their times are taken from the events: never who moved
 * the request or a note, which may hold staff's words.
 *
 * @param state the state's code ({@code completed}), for machines and styles
 * @param tone {@code done}, {@code stopped} or empty
 */
record StatusPage(
    String code,
    String state,
    String stateLabel,
    String stateText,
    String tone,
    Time received,
    Time dueBy,
    Time completed,
    String backupsClearedBy,
    String rejectionReason,
    List<Step> timeline,
    List<DeletedRow> deleted,
    List<RetainedRow> retained,
    long held) {

  /** A moment, as written for people and as ISO-8601 for {@code <time datetime>}. */
  record Time(String text, String iso) {}

  /** One step; {@code next} marks the one still to come. */
  record Step(String label, Time at, boolean next) {}

  record DeletedRow(String entity, String name, long deleted, long anonymized) {}

  record RetainedRow(String entity, String name, long rows, String basis, String until) {}

  public boolean nothingFound() {
    return completed != null && deleted.isEmpty() && retained.isEmpty() && held == 0;
  }

  static StatusPage of(
      DeletionRequest request,
      List<RequestEvent> events,
      ReceiptSummary summary,
      PageTexts texts,
      DataNames names,
      Locale locale) {
    RequestState state = request.state();
    boolean completed = state == RequestState.COMPLETED;
    String code = state.code();
    Time due =
        request.isOpen()
            ? request
                .deadline()
                .map(Deadline::completeBy)
                .map(t -> time(t, texts, locale))
                .orElse(null)
            : null;
    List<Step> timeline = timeline(events, texts, locale);
    if (due != null) {
      timeline.add(new Step(texts.text("status.step.due", locale), due, true));
    }
    return new StatusPage(
        request.confirmationCode(),
        code,
        texts.text("status.state." + code, locale),
        texts.text("status.state." + code + ".text", locale),
        switch (state) {
          case COMPLETED -> "done";
          case REJECTED, CANCELLED, FAILED -> "stopped";
          default -> "";
        },
        time(request.receivedAt(), texts, locale),
        due,
        completed ? summary.finishedAt().map(t -> time(t, texts, locale)).orElse(null) : null,
        summary.backupsClearedBy().map(t -> texts.dateTime(t, locale)).orElse(null),
        request.rejectionReason().orElse(null),
        timeline,
        summary.lines().stream()
            .filter(l -> l.deleted() + l.anonymized() > 0)
            .map(
                l ->
                    new DeletedRow(
                        l.entity(), names.entity(l.entity(), locale), l.deleted(), l.anonymized()))
            .toList(),
        summary.lines().stream()
            .filter(l -> l.retained() > 0)
            .map(
                l ->
                    new RetainedRow(
                        l.entity(),
                        names.entity(l.entity(), locale),
                        l.retained(),
                        names.basis(l.entity(), l.retentionBasis(), locale),
                        l.retainedUntil() == null ? null : texts.date(l.retainedUntil(), locale)))
            .toList(),
        summary.total(Outcome.HELD));
  }

  /** The first event and every change of state; the confirmation is named as such. */
  private static List<Step> timeline(List<RequestEvent> events, PageTexts texts, Locale locale) {
    List<Step> steps = new ArrayList<>();
    for (RequestEvent event : events) {
      Optional<RequestState> from = event.from();
      if (from.isPresent() && from.get() == event.to()) {
        continue;
      }
      String key =
          from.filter(f -> f == RequestState.AWAITING_VERIFICATION).isPresent()
                  && event.to() != RequestState.REJECTED
                  && event.to() != RequestState.CANCELLED
                  && event.to() != RequestState.ON_HOLD
              ? "verified"
              : event.to().code();
      steps.add(
          new Step(
              texts.text("status.step." + key, locale), time(event.at(), texts, locale), false));
    }
    return steps;
  }

  private static Time time(Instant instant, PageTexts texts, Locale locale) {
    return new Time(texts.dateTime(instant, locale), instant.toString());
  }
}
