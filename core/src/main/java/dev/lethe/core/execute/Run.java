package dev.lethe.core.execute;

import dev.lethe.core.plan.Node;
import dev.lethe.core.plan.Selector;

/**
 * One execution of a plan: the run's id, its tree of page statements, whether the run is still to
 * be stored with its first change, what its transactions counted, its only page if it has one that
 * may complete it (null if not), and how long it waits after each page.
 */
record Run(String id, PageTree tree, RunStart start, CallTally tally, OnlyPage only, Pace pace) {

  /** Whether a page of {@code node} may complete the run in its transaction. */
  boolean closesAt(Node node) {
    return only != null && only.is(node, start);
  }

  /** Whether the run was completed in the transaction of its only page. */
  boolean closed() {
    return only != null && only.closed();
  }

  Selector selector() {
    return tree.selector();
  }
}
