package dev.lethe.core.execute;

import dev.lethe.core.state.RunTallies;
import java.util.Optional;

/**
 * What an execution left: the number of files still pending and, for a run it started, the run's
 * tallies as its transactions committed them (for a run resumed, they are read from its records).
 *
 * @param closed whether the run was completed in the transaction of its only page ({@link
 *     Closing}): nothing is left to do for it
 */
public record Execution(int pendingFiles, Optional<RunTallies> tallies, boolean closed) {}
