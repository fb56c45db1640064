package dev.lethe.server.execution;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Clock;
import java.util.UUID;

/**
 * Hands requests to background execution. The task is stored in Lethe's database before this
 * returns, so it survives a restart, and any instance sharing the database may pick it; each
 * request is executed once (a second call for the same request adds nothing).
 */
public final class ExecutionQueue {

  private final SchedulerClient scheduler;
  private final OneTimeTask<String> task;
  private final Clock clock;

  ExecutionQueue(SchedulerClient scheduler, OneTimeTask<String> task, Clock clock) {
    this.scheduler = scheduler;
    this.task = task;
    this.clock = clock;
  }

  public void enqueue(UUID requestId) {
    String id = requestId.toString();
    scheduler.scheduleIfNotExists(task.instance(id, id), clock.instant());
  }
}
