package dev.lethe.server.execution;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.lethe.core.desk.Desk;
import dev.lethe.core.desk.MailKind;
import dev.lethe.core.desk.Work;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.retention.RetentionOutcome;
import dev.lethe.server.config.Databases;
import dev.lethe.server.config.LetheProperties;
import dev.lethe.server.config.ServerTables;
import dev.lethe.server.metrics.RequestMetrics;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * db-scheduler over Lethe's own database runs the desk's background steps: {@code execute-request}
 * and {@code send-mail} (one per request, or request and mail, at a time; retried with exponential
 * backoff), and the recurring {@code sweep} and {@code retention}.
 */
@Configuration(proxyBeanMethods = false)
class ExecutionConfiguration {

  static final String EXECUTE = "execute-request";
  static final String MAIL = "send-mail";
  static final String SWEEP = "sweep";
  static final String RETENTION = "retention";

  /** Runs a request's next step; asks to run again when the desk says it is not yet due. */
  @Bean
  CustomTask<String> executeRequestTask(ObjectProvider<Desk> desk, LetheProperties properties) {
    return Tasks.custom(EXECUTE, String.class)
        .onFailure(
            new FailureHandler.ExponentialBackoffFailureHandler<>(
                properties.execution().retryBackoff()))
        .execute(
            (instance, context) -> {
              var again = desk.getObject().execute(UUID.fromString(instance.getData()));
              return (complete, operations) -> {
                if (again.isPresent()) {
                  operations.reschedule(complete, again.get());
                } else {
                  operations.remove();
                }
              };
            });
  }

  @Bean
  OneTimeTask<String> sendMailTask(ObjectProvider<Desk> desk, LetheProperties properties) {
    return Tasks.oneTime(MAIL, String.class)
        .onFailure(
            new FailureHandler.ExponentialBackoffFailureHandler<>(
                properties.execution().retryBackoff()))
        .execute(
            (instance, context) -> {
              String[] parts = instance.getData().split(":", 2);
              desk.getObject().sendMail(UUID.fromString(parts[0]), MailKind.fromCode(parts[1]));
            });
  }

  /** The safety net: lapsed holds released, requests with a lost step queued again. */
  @Bean
  RecurringTask<Void> sweepTask(ObjectProvider<Desk> desk, LetheProperties properties) {
    return Tasks.recurring(SWEEP, Schedules.fixedDelay(properties.execution().sweepInterval()))
        .execute((instance, context) -> desk.getObject().sweep());
  }

  /** The data map's retention rules, on {@code lethe.retention.schedule}. */
  @Bean
  RecurringTask<Void> retentionTask(
      ObjectProvider<Desk> desk, LetheProperties properties, RequestMetrics metrics) {
    return Tasks.recurring(RETENTION, Schedules.parseSchedule(properties.retention().schedule()))
        .execute(
            (instance, context) -> {
              for (RetentionOutcome outcome : desk.getObject().sweepRetention()) {
                for (Outcome kind : Outcome.values()) {
                  metrics.retention(kind, outcome.total(kind));
                }
              }
            });
  }

  @Bean
  Scheduler scheduler(
      Databases databases,
      CustomTask<String> executeRequestTask,
      OneTimeTask<String> sendMailTask,
      RecurringTask<Void> sweepTask,
      RecurringTask<Void> retentionTask,
      LetheProperties properties,
      ServerTables tables) {
    List<Task<?>> oneTime = List.of(executeRequestTask, sendMailTask);
    var builder =
        Scheduler.create(databases.state(), oneTime)
            .threads(properties.execution().threads())
            .pollingInterval(properties.execution().pollingInterval())
            .heartbeatInterval(properties.execution().heartbeatInterval())
            .shutdownMaxWait(properties.execution().shutdownWait())
            // MariaDB's TIMESTAMP has no zone: without this, instances in different time zones
            // read each other's heartbeats hours off and take live executions for dead ones.
            .alwaysPersistTimestampInUTC();
    if (properties.execution().enabled()) {
      builder = builder.enableImmediateExecution();
    }
    builder =
        properties.retention().enabled()
            ? builder.startTasks(sweepTask, retentionTask)
            : builder.startTasks(sweepTask);
    return builder.build();
  }

  @Bean
  Work work(
      Scheduler scheduler,
      CustomTask<String> executeRequestTask,
      OneTimeTask<String> sendMailTask,
      Clock clock) {
    return new SchedulerWork(scheduler, executeRequestTask, sendMailTask, clock);
  }

  @Bean
  RetentionSchedule retentionSchedule(
      Scheduler scheduler,
      RecurringTask<Void> retentionTask,
      LetheProperties properties,
      Clock clock) {
    return new RetentionSchedule(
        scheduler,
        retentionTask,
        properties.retention().enabled(),
        properties.retention().schedule(),
        clock);
  }

  /**
   * Starts picking tasks once the application is up, and stops before the pools close. An
   * intake-only instance never starts: it only queues.
   */
  @Bean
  SmartLifecycle schedulerLifecycle(Scheduler scheduler, LetheProperties properties) {
    boolean executes = properties.execution().enabled();
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        if (executes) {
          scheduler.start();
        }
        running = true;
      }

      @Override
      public void stop() {
        if (executes) {
          scheduler.stop();
        }
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }
    };
  }
}
