package dev.lethe.server.execution;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.lethe.core.Lethe;
import dev.lethe.core.ledger.Ledger;
import dev.lethe.core.request.Requests;
import dev.lethe.server.config.Databases;
import dev.lethe.server.config.LetheProperties;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * db-scheduler over Lethe's own database: the one-time task {@code execute-request} (data: the
 * request id), retried with exponential backoff when it fails.
 */
@Configuration(proxyBeanMethods = false)
class ExecutionConfiguration {

  static final String TASK_NAME = "execute-request";

  @Bean
  OneTimeTask<String> executeRequestTask(
      Lethe lethe, Requests requests, Ledger ledger, LetheProperties properties) {
    RequestExecution execution = new RequestExecution(lethe, requests, ledger);
    return Tasks.oneTime(TASK_NAME, String.class)
        .onFailure(
            new FailureHandler.ExponentialBackoffFailureHandler<>(
                properties.execution().retryBackoff()))
        .execute((instance, context) -> execution.execute(UUID.fromString(instance.getData())));
  }

  @Bean
  Scheduler scheduler(
      Databases databases, OneTimeTask<String> executeRequestTask, LetheProperties properties) {
    migrate(databases);
    return Scheduler.create(databases.state(), List.of(executeRequestTask))
        .threads(properties.execution().threads())
        .pollingInterval(properties.execution().pollingInterval())
        .heartbeatInterval(properties.execution().heartbeatInterval())
        // MariaDB's TIMESTAMP has no zone: without this, instances in different time zones read
        // each other's heartbeats hours off and take live executions for dead ones.
        .alwaysPersistTimestampInUTC()
        .enableImmediateExecution()
        .build();
  }

  @Bean
  ExecutionQueue executionQueue(
      Scheduler scheduler, OneTimeTask<String> executeRequestTask, Clock clock) {
    return new ExecutionQueue(scheduler, executeRequestTask, clock);
  }

  /** Starts picking tasks once the application is up, and stops before the pools close. */
  @Bean
  SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        scheduler.start();
        running = true;
      }

      @Override
      public void stop() {
        scheduler.stop();
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }
    };
  }

  /** Creates db-scheduler's table, with a Flyway history table of the service's own. */
  private static void migrate(Databases databases) {
    Flyway.configure()
        .dataSource(databases.state())
        .table("lethe_server_history")
        .locations("classpath:lethe/server/" + databases.stateVendor().migrationFolder())
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
