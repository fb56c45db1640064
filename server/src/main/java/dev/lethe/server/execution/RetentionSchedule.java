package dev.lethe.server.execution;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * When the recurring retention sweep runs next (one execution in db-scheduler's table, shared by
 * every instance), whether it is running now, and a way to run it now: its execution is moved to
 * this moment, so one instance picks it up and the schedule goes on from there.
 */
public final class RetentionSchedule {

  /** The sweep's execution as the table holds it. */
  public record Next(Instant at, boolean running, Optional<Instant> lastSuccess) {}

  /** What asking to run now did. */
  public enum RunNow {
    QUEUED,
    ALREADY_RUNNING,
    SWITCHED_OFF
  }

  private final SchedulerClient scheduler;
  private final TaskInstanceId instance;
  private final boolean enabled;
  private final String schedule;
  private final Clock clock;

  RetentionSchedule(
      SchedulerClient scheduler,
      RecurringTask<Void> task,
      boolean enabled,
      String schedule,
      Clock clock) {
    this.scheduler = scheduler;
    this.instance = task.getDefaultTaskInstance();
    this.enabled = enabled;
    this.schedule = schedule;
    this.clock = clock;
  }

  public boolean enabled() {
    return enabled;
  }

  /** The configured schedule, as {@code lethe.retention.schedule} gives it. */
  public String schedule() {
    return schedule;
  }

  /** The next run, while sweeps are on and the scheduler has stored it. */
  public Optional<Next> next() {
    if (!enabled) {
      return Optional.empty();
    }
    return scheduler.getScheduledExecution(instance).map(RetentionSchedule::next);
  }

  private static Next next(ScheduledExecution<Object> execution) {
    return new Next(
        execution.getExecutionTime(),
        execution.isPicked(),
        Optional.ofNullable(execution.getLastSuccess()));
  }

  /** Moves the next sweep to now, unless sweeps are off or one is running. */
  public RunNow runNow() {
    if (!enabled) {
      return RunNow.SWITCHED_OFF;
    }
    Optional<ScheduledExecution<Object>> execution = scheduler.getScheduledExecution(instance);
    if (execution.isPresent() && execution.get().isPicked()) {
      return RunNow.ALREADY_RUNNING;
    }
    try {
      return scheduler.reschedule(instance, clock.instant())
          ? RunNow.QUEUED
          : RunNow.ALREADY_RUNNING;
    } catch (TaskInstanceException e) {
      // Picked between the look and the move, or not stored yet at the very start.
      return RunNow.ALREADY_RUNNING;
    }
  }
}
