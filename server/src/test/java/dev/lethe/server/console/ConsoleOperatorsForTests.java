package dev.lethe.server.console;

import dev.lethe.core.request.Actor;
import dev.lethe.server.RunningServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/** Operators added straight to a running server's store, for tests in other packages. */
public final class ConsoleOperatorsForTests {

  private ConsoleOperatorsForTests() {}

  /** Adds an operator with the address {@code <id>@example.com}. */
  public static void add(
      RunningServer server, String id, String role, List<String> workspaces, String password) {
    server
        .bean(Operators.class)
        .add(
            new NewOperator(
                id,
                Optional.of(id + "@example.com"),
                password,
                Role.valueOf(role),
                new TreeSet<>(workspaces)),
            Actor.system());
  }

  /** Waits until {@code done} holds; fails after {@code patience}. */
  public static void await(BooleanSupplier done, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + patience);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
