package dev.lethe.core.hold;

import dev.lethe.core.LetheException;
import java.time.Instant;

/** The hold was lifted before, by this caller or another; a hold is lifted once. */
public class HoldAlreadyLiftedException extends LetheException {
  public HoldAlreadyLiftedException(String id, Instant liftedAt) {
    super("hold " + id + " was already lifted at " + liftedAt);
  }
}
