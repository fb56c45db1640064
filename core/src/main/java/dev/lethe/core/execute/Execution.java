package dev.lethe.core.execute;

import dev.lethe.core.state.RunTallies;
import java.util.Optional;

/**
 * What an execution left: the number of files still pending and, for a run it started, the run's
 * tallies as its transactions committed them (for a run resumed, they are read from its records).
 */
public record Execution(int pendingFiles, Optional<RunTallies> tallies) {}
