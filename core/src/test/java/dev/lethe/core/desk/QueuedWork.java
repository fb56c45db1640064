package dev.lethe.core.desk;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link Work} that a test steps by hand, one step per request and kind as db-scheduler keeps them:
 * {@link #drain} runs every step due by the clock until none is left, as the service's threads
 * would, and reschedules an execution that asks to run again later.
 */
final class QueuedWork implements Work {

  private final Clock clock;
  private final Map<String, Step> steps = new LinkedHashMap<>();
  private Desk desk;

  QueuedWork(Clock clock) {
    this.clock = clock;
  }

  record Step(UUID request, Optional<MailKind> mail, Instant at) {}

  void attach(Desk desk) {
    this.desk = desk;
  }

  @Override
  public synchronized void execute(UUID requestId, Instant at) {
    steps.putIfAbsent(requestId.toString(), new Step(requestId, Optional.empty(), at));
  }

  @Override
  public synchronized void mail(UUID requestId, MailKind kind) {
    steps.putIfAbsent(
        requestId + ":" + kind.code(), new Step(requestId, Optional.of(kind), clock.instant()));
  }

  List<Step> pending() {
    return List.copyOf(steps.values());
  }

  /** Runs every step that is due, and those they queue, until nothing due is left. */
  void drain() {
    boolean ran = true;
    while (ran) {
      ran = false;
      for (Iterator<Map.Entry<String, Step>> it = new ArrayList<>(steps.entrySet()).iterator();
          it.hasNext(); ) {
        Map.Entry<String, Step> entry = it.next();
        Step step = entry.getValue();
        if (step.at().isAfter(clock.instant())) {
          continue;
        }
        steps.remove(entry.getKey());
        ran = true;
        if (step.mail().isPresent()) {
          desk.sendMail(step.request(), step.mail().get());
        } else {
          desk.execute(step.request())
              .ifPresent(
                  again ->
                      steps.put(entry.getKey(), new Step(step.request(), Optional.empty(), again)));
        }
      }
    }
  }
}
