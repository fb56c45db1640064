package dev.lethe.bench;

/**
 * One benchmark: Lethe and its baselines run in turn on the same data, re-created between them.
 * Registered in {@link Scenarios}.
 */
public interface Scenario {

  /** The name given to {@code --scenario}. */
  String name();

  /** Whether this scenario can run against the target (its database product, its options). */
  boolean supports(BenchTarget target);

  /** Fills the target, runs every contestant on the same data and checks what each left. */
  ScenarioResult run(BenchTarget target) throws Exception;
}
