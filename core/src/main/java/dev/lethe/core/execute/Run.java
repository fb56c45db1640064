package dev.lethe.core.execute;

import dev.lethe.core.plan.Selector;

/**
 * One execution of a plan: the run's id, its tree of page statements, whether the run is still to
 * be stored with its first change, and what its transactions counted.
 */
record Run(String id, PageTree tree, RunStart start, CallTally tally) {
  Selector selector() {
    return tree.selector();
  }
}
