package dev.lethe.bench;

import dev.lethe.bench.callbacks.CallbacksScenario;
import dev.lethe.bench.engine.ContactsScenario;
import dev.lethe.bench.engine.WorkspaceScenario;
import dev.lethe.bench.retention.RetentionScenario;
import java.util.List;
import java.util.Optional;

/** Every scenario {@code ./lethe bench} knows, in the order {@code --scenario all} runs them. */
public final class Scenarios {

  private Scenarios() {}

  public static List<Scenario> all() {
    return List.of(
        new WorkspaceScenario(),
        new ContactsScenario(),
        new RetentionScenario(),
        new CallbacksScenario());
  }

  public static Optional<Scenario> named(String name) {
    return all().stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
