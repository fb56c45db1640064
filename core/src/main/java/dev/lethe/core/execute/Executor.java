package dev.lethe.core.execute;

import dev.lethe.core.datamap.Anonymization;
import dev.lethe.core.files.FileStore;
import dev.lethe.core.hold.HeldRows;
import dev.lethe.core.plan.Node;
import dev.lethe.core.plan.Plan;
import dev.lethe.core.plan.RootSet;
import dev.lethe.core.plan.Selector;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.ChainTemplates;
import dev.lethe.core.sql.Deadlocks;
import dev.lethe.core.sql.KeyList;
import dev.lethe.core.sql.VendorSql;
import dev.lethe.core.state.FileMarks;
import dev.lethe.core.state.RunStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Executes a plan in short transactions, children before parents.
 *
 * <p>Each node's rows are read in pages of keys (keyset order); for each page the rows below it are
 * handled first, then one transaction deletes the leaf children of the page, detaches or anonymizes
 * what hangs off it, records file keys and the keys of updated rows, deletes the page and adds to
 * the run's counts. Every statement re-reads the database, so the database itself is the cursor: a
 * run killed anywhere resumes by running again, and a finished run finds nothing.
 */
public final class Executor {

  private static final int ATTEMPTS = 3;

  private final DSLContext dsl;
  private final RowWriter writer;
  private final FileSweeper sweeper;
  private final ExecutionOptions options;
  private final KeyPages pages;
  private final Anonymizer anonymizer;
  private final ChainTemplates templates;

  private Executor(
      DSLContext dsl,
      RowWriter writer,
      FileSweeper sweeper,
      ExecutionOptions options,
      ChainTemplates templates) {
    this.dsl = dsl;
    this.templates = templates;
    this.writer = writer;
    this.sweeper = sweeper;
    this.options = options;
    this.pages = new KeyPages(dsl, options, templates);
    this.anonymizer = new Anonymizer(dsl, writer, pages);
  }

  /**
   * @param salt the secret salt of keyed-hash anonymization
   * @param templates the pages' chains rendered so far, kept for as long as the data map, the
   *     database, {@code vendor} and {@code salt} stay the same
   */
  public static Executor create(
      DSLContext dsl,
      RunStore runs,
      VendorSql vendor,
      String salt,
      FileStore files,
      Clock clock,
      ExecutionOptions options,
      ChainTemplates templates) {
    return new Executor(
        dsl,
        new RowWriter(vendor, salt),
        new FileSweeper(runs.files(), files, clock),
        options,
        templates);
  }

  /**
   * Runs {@code plan} for run {@code runId}, storing the run with its first change if {@code start}
   * is pending (and at the end if nothing changed).
   */
  public Execution execute(String runId, Plan plan, RunStart start) {
    boolean fromStart = start.isPending();
    if (fromStart) {
      sweeper.begin(runId);
    }
    Selector selector = new Selector(plan.held());
    Run run = new Run(runId, new PageTree(selector, plan.held().any()), start, new CallTally());
    for (RootSet root : plan.roots()) {
      List<Object> keys = root.keys();
      for (int from = 0; from < keys.size(); from += 500) {
        List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
        if (root.anonymizesRoots()) {
          anonymizer.roots(run, root, chunk);
        } else if (!plan.held().any()) {
          // the roots were just found: without holds, their keys are the first pages' keys
          pages.forEachOf(
              chunk, pages.sizer(root.tree()), page -> handlePage(run, root.tree(), page));
        } else {
          pageThrough(
              run,
              root.tree(),
              KeyPages.Rows.of(root.tree().entity(), selector.reach(root.tree(), chunk)));
        }
      }
    }
    start.storeIfPending();
    int pending = sweeper.drain(runId, options.fileAttempts(), run.tally());
    return new Execution(
        pending, fromStart ? Optional.of(run.tally().tallies()) : Optional.empty());
  }

  /**
   * The files of run {@code runId} deleted from the store whose marks are still to be written: the
   * caller counts them and forgets them with the run's completion (which forgets every file of the
   * run), then calls {@link #filesMarked}, or has them written by {@link #markFiles} if the run
   * does not complete.
   */
  public FileMarks unmarkedFiles(String runId) {
    return sweeper.handOver(runId);
  }

  public void filesMarked() {
    sweeper.marked();
  }

  /** Writes the marks of the files deleted from the store and not marked yet. */
  public void markFiles() {
    sweeper.mark();
  }

  /**
   * Deletes the rows of {@code root}'s entity that {@code rows} selects, with everything below
   * them, as a retention sweep does; returns the number of files still pending.
   */
  public int deleteWhere(String runId, Node root, Condition rows, HeldRows held) {
    Selector selector = new Selector(held);
    CallTally tally = new CallTally();
    pageThrough(
        new Run(runId, new PageTree(selector, held.any()), RunStart.stored(), tally),
        root,
        KeyPages.Rows.of(root.entity(), rows.and(held.notHeld(root.entity()))));
    int pending = sweeper.drain(runId, options.fileAttempts(), tally);
    sweeper.mark();
    return pending;
  }

  /** Rewrites {@code set} in the rows {@code rows} selects, in keyed pages. */
  public void anonymizeWhere(
      String runId,
      BoundEntity entity,
      Map<String, Anonymization> set,
      Condition rows,
      HeldRows held) {
    anonymizer.where(runId, entity, set, rows, held);
  }

  private void pageThrough(Run run, Node node, KeyPages.Rows rows) {
    pages.forEach(rows, pages.sizer(node), keys -> handlePage(run, node, keys));
  }

  /**
   * The rows of {@code node} below a page of its parent's {@code keys}, their reads named by the
   * node's path and whether there is one key (bound as a value) or more (one array); under holds,
   * whose conditions carry values of their own, unnamed.
   */
  private static KeyPages.Rows below(Run run, Node node, List<Object> keys) {
    Selector selector = run.selector();
    if (selector.held().any()) {
      return KeyPages.Rows.of(node.entity(), selector.below(node, keys));
    }
    return KeyPages.Rows.shaped(
        node.entity(),
        List.of(node.path(), keys.size() == 1),
        List.of(keys),
        v -> selector.below(node, (List<?>) v.getFirst()));
  }

  /** The rows an update {@code edge} gives a page of {@code keys}, as {@link #below} names them. */
  private static KeyPages.Rows below(Run run, Node.Edge edge, List<Object> keys) {
    Selector selector = run.selector();
    if (selector.held().any()) {
      return KeyPages.Rows.of(edge.child(), selector.below(edge, keys));
    }
    return KeyPages.Rows.shaped(
        edge.child(),
        List.of("edge", edge.child().name(), edge.relation().column(), keys.size() == 1),
        List.of(keys),
        v -> selector.below(edge, (List<?>) v.getFirst()));
  }

  /** A child's page handled inside its parent's transaction. */
  private record ChildPage(Node node, List<Object> keys) {}

  /**
   * Handles the rows of a paged child below a parent's page. When they are few (at most a first
   * batch's worth of keys) and nothing below them needs pages of its own, they join the parent's
   * transaction: a small subject's tree then commits once, not once per level. Otherwise they go in
   * pages of their own, each timed for the child's sizer: a joined page is timed only with its
   * parent's, and a large one (a page of contacts with a thousand conversations and their messages)
   * made the parent's transaction overshoot its target.
   */
  private void pageChild(Run run, Node child, KeyPages.Rows rows, List<ChildPage> joined) {
    if (child.cascades().stream().anyMatch(c -> !run.tree().inline(c))) {
      pageThrough(run, child, rows);
      return;
    }
    BatchSizer sizer = pages.sizer(child);
    int size = sizer.size();
    List<Object> first = pages.read(rows, null, size);
    if (!first.isEmpty() && first.size() < size) {
      if (first.size() <= pages.joinable()) {
        joined.add(new ChildPage(child, first));
      } else {
        sizer.observe(handlePage(run, child, first), first.size());
      }
      return;
    }
    pages.forEachFrom(rows, first, size, sizer, keys -> handlePage(run, child, keys));
  }

  /**
   * Detaches, anonymizes or retains the rows an update edge gives a page in pages of their own when
   * there is more than one page of them (a workspace's three bots may have a hundred thousand
   * contacts): one statement for them all would hold its row locks for seconds. Every such update
   * sets the reference to null, so an updated row leaves {@code rows}; what is left, normally
   * nothing, is updated with the parent's page.
   */
  private void pageEdge(Run run, Node.Edge edge, KeyPages.Rows rows) {
    BatchSizer sizer = pages.sizer(edge);
    int size = sizer.size();
    List<Object> first = pages.read(rows, null, size);
    pages.forEachFrom(rows, first, size, sizer, keys -> updatePage(run, edge, rows.where(), keys));
  }

  private long updatePage(Run run, Node.Edge edge, Condition rows, List<Object> keys) {
    long started = System.nanoTime();
    CallTally counted =
        Deadlocks.transactionResult(
            dsl,
            tx -> {
              PageStatements page = page(run, tx);
              page.update(edge, rows.and(KeyList.among(edge.child().key(), keys)));
              page.execute();
              return page.counted();
            });
    run.start().committed();
    run.tally().add(counted);
    return System.nanoTime() - started;
  }

  /**
   * Handles one page; returns how long its own transaction took (not the pages below it). The
   * node's {@link Node#leavesFirst leaves to delete first} go before anything else below the page;
   * a page handled again (its delete failed) looks for every row below it.
   */
  private long handlePage(Run run, Node node, List<Object> keys) {
    for (int attempt = 1; ; attempt++) {
      boolean full = attempt > 1;
      try {
        List<Node> first = full ? List.of() : run.tree().leavesFirst(node);
        for (Node leaf : first) {
          pageThrough(run, leaf, below(run, leaf, keys));
        }
        if (!first.isEmpty()) {
          run.tree().leavesDeleted().add(node);
        }
        List<ChildPage> joined = new ArrayList<>();
        for (Node child : node.cascades()) {
          if (!run.tree().inline(child)) {
            pageChild(run, child, below(run, child, keys), joined);
          }
        }
        for (Node.Edge edge : node.updates()) {
          pageEdge(run, edge, below(run, edge, keys));
        }
        List<List<Object>> keyLists = new ArrayList<>(joined.size() + 1);
        joined.forEach(j -> keyLists.add(j.keys()));
        keyLists.add(keys);
        Object shape = shape(run, joined, node, keys, full);
        PageStatements.Content content =
            (page, lists) -> {
              for (int i = 0; i < joined.size(); i++) {
                run.tree().addPage(page, joined.get(i).node(), lists.get(i), full);
              }
              run.tree().addPage(page, node, lists.getLast(), full);
            };
        long started = System.nanoTime();
        PageStatements done =
            dsl.transactionResult(
                c -> {
                  PageStatements page = new PageStatements(c.dsl(), run.id(), writer, templates);
                  page.execute(shape, run.start(), keyLists, content);
                  return page;
                });
        run.start().committed();
        run.tally().add(done.counted());
        long took = System.nanoTime() - started;
        if (done.recorded().any()) {
          sweeper.sweep(run.id(), run.tally(), done.recorded().list());
        }
        return took;
      } catch (DataAccessException e) {
        // A row inserted below the page since it was read makes the parent's delete fail on its
        // foreign key; handling the page again deletes the newcomer first.
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      } finally {
        run.tree().leavesDeleted().remove(node);
      }
    }
  }

  /**
   * What the statements of a page of {@code node} with {@code joined} depend on besides the run id
   * and the keys: the nodes (by their paths), whether each has one key or more (one is bound as a
   * value, more as an array), {@code full}, and the nodes whose leaves are deleted first. Null
   * under holds, whose conditions hold values of their own.
   */
  private static Object shape(
      Run run, List<ChildPage> joined, Node node, List<Object> keys, boolean full) {
    if (run.tree().guardHeldChildren() || run.selector().held().any()) {
      return null;
    }
    List<Object> shape = new ArrayList<>();
    shape.add(full);
    for (ChildPage page : joined) {
      shape.add(page.node().path());
      shape.add(page.keys().size() == 1);
    }
    shape.add(node.path());
    shape.add(keys.size() == 1);
    shape.add(new TreeSet<>(run.tree().leavesDeleted().stream().map(Node::path).toList()));
    return shape;
  }

  /**
   * A page's statements in {@code tx}, led by those that store the run while it is pending: the
   * caller tells {@code run.start()} once the transaction has committed.
   */
  private PageStatements page(Run run, DSLContext tx) {
    PageStatements page = new PageStatements(tx, run.id(), writer, templates);
    page.first(run.start().statements(tx));
    return page;
  }
}
