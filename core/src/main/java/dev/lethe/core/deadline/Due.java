package dev.lethe.core.deadline;

import java.time.Instant;
import java.util.Objects;

/** One due date and the rule that set it, worded for operators. */
public record Due(Instant by, SetBy setBy, String rule) {

  /** What decided a due date. */
  public enum SetBy {
    LAW,
    PROMISE,
    EXTENSION
  }

  public Due {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(setBy, "setBy");
    if (rule == null || rule.isBlank()) {
      throw new IllegalArgumentException("a due date needs the rule that set it");
    }
  }
}
