package dev.lethe.core.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * Keeps sent mail in memory instead of sending it, for the demo and for tests: only the newest
 * {@code capacity} mails are kept, so a long-running demo does not pile up personal data.
 */
public final class CapturingMailer implements Mailer {
  private final int capacity;
  private final Clock clock;
  private final Deque<CapturedMail> captured = new ArrayDeque<>();

  public CapturingMailer(int capacity, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
    this.clock = clock;
  }

  public CapturingMailer(int capacity) {
    this(capacity, Clock.systemUTC());
  }

  @Override
  public synchronized String send(OutgoingMail mail) {
    String messageId = "<" + UUID.randomUUID() + "@lethe.invalid>";
    if (captured.size() == capacity) {
      captured.removeFirst();
    }
    captured.addLast(new CapturedMail(messageId, clock.instant(), mail));
    return messageId;
  }

  /** The kept mail, newest first. */
  public synchronized List<CapturedMail> captured() {
    List<CapturedMail> newestFirst = new ArrayList<>(captured);
    return List.copyOf(newestFirst.reversed());
  }

  public synchronized void clear() {
    captured.clear();
  }

  /** One mail as it would have been sent. */
  public record CapturedMail(String messageId, Instant sentAt, OutgoingMail mail) {}
}
