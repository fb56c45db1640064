package dev.lethe.core.execute;

import dev.lethe.core.plan.Node;
import dev.lethe.core.sql.BatchSizer;
import dev.lethe.core.sql.ChainTemplates;
import dev.lethe.core.sql.Deadlocks;
import dev.lethe.core.sql.KeyList;
import dev.lethe.core.state.DeletedFiles;
import dev.lethe.core.state.FileQueue;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Handles a run's pages, children before parents. Each node's rows are read in pages of keys
 * (keyset order); for each page the rows below it are handled first, then one transaction deletes
 * the leaf children of the page, detaches or anonymizes what hangs off it, records file keys and
 * the keys of updated rows, deletes the page and adds to the run's counts; the files it recorded
 * are then handed to the sweeper, which deletes them from the store while the next page's
 * statements run. A later page's transaction writes them deleted (their keys deleted, their count
 * added), with its own rows, rather than transactions of their own. The keys of a node's next page
 * are read while its page is handled ({@link KeyPages}). A paced pass ({@link Pace}) does both in
 * the pause after the page instead.
 */
final class PageWalker {

  private static final int ATTEMPTS = 3;

  private final DSLContext dsl;
  private final RowWriter writer;
  private final FileSweeper sweeper;
  private final KeyPages pages;
  private final ChainTemplates templates;

  PageWalker(
      DSLContext dsl,
      RowWriter writer,
      FileSweeper sweeper,
      KeyPages pages,
      ChainTemplates templates) {
    this.dsl = dsl;
    this.writer = writer;
    this.sweeper = sweeper;
    this.pages = pages;
    this.templates = templates;
  }

  /** Handles every page of {@code node}'s rows that {@code rows} selects. */
  void pageThrough(Run run, Node node, KeyPages.Rows rows) {
    pages.forEach(
        rows, pages.sizer(node), !run.pace().paced(), keys -> handlePage(run, node, keys));
  }

  /**
   * A page's transaction, committed: its statements, whether they completed the run ({@link
   * OnlyPage}), and the files deleted from the store it wrote so.
   */
  private record Committed(PageStatements page, boolean closed, DeletedFiles written) {}

  /** A child's page handled inside its parent's transaction. */
  record ChildPage(Node node, List<Object> keys) {}

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
    pages.forEachFrom(
        rows, first, size, sizer, !run.pace().paced(), keys -> handlePage(run, child, keys));
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
    pages.forEachFrom(
        rows,
        first,
        size,
        sizer,
        !run.pace().paced(),
        keys -> updatePage(run, edge, rows.where(), keys));
  }

  private long updatePage(Run run, Node.Edge edge, Condition rows, List<Object> keys) {
    run.pace().before();
    long started = System.nanoTime();
    CallTally counted =
        Deadlocks.transactionResult(
            dsl,
            tx -> {
              PageStatements page = page(run, tx);
              page.steps().update(edge, rows.and(KeyList.among(edge.child().key(), keys)));
              page.execute();
              return page.counted();
            });
    run.start().committed();
    run.tally().add(counted);
    long took = System.nanoTime() - started;
    // the rows a rate counts are the pass's own, not those hanging off them
    run.pace().after(took, 0);
    return took;
  }

  /**
   * Handles one page; returns how long its own transaction took (not the pages below it). The
   * node's {@link Node#leavesFirst leaves to delete first} go before anything else below the page;
   * a page handled again (its delete failed) looks for every row below it.
   */
  long handlePage(Run run, Node node, List<Object> keys) {
    for (int attempt = 1; ; attempt++) {
      boolean full = attempt > 1;
      try {
        List<Node> first = full ? List.of() : run.tree().leavesFirst(node);
        for (Node leaf : first) {
          pageThrough(run, leaf, PageShapes.below(run, leaf, keys));
        }
        if (!first.isEmpty()) {
          run.tree().leavesDeleted().add(node);
        }
        List<ChildPage> joined = new ArrayList<>();
        for (Node child : node.cascades()) {
          if (!run.tree().inline(child)) {
            pageChild(run, child, PageShapes.below(run, child, keys), joined);
          }
        }
        for (Node.Edge edge : node.updates()) {
          pageEdge(run, edge, PageShapes.below(run, edge, keys));
        }
        List<List<Object>> keyLists = new ArrayList<>(joined.size() + 1);
        joined.forEach(j -> keyLists.add(j.keys()));
        keyLists.add(keys);
        boolean closes = run.closesAt(node);
        Object shape = PageShapes.shape(run, joined, node, keys, full, closes);
        PageStatements.Content content =
            (page, lists) -> {
              for (int i = 0; i < joined.size(); i++) {
                run.tree().addPage(page, joined.get(i).node(), lists.get(i), full);
              }
              run.tree().addPage(page, node, lists.getLast(), full);
              if (closes) {
                run.only().addRecount(dsl, page, lists.getLast());
              }
            };
        run.pace().before();
        long started = System.nanoTime();
        Committed done =
            dsl.transactionResult(
                c -> {
                  PageStatements page = new PageStatements(c.dsl(), run.id(), writer, templates);
                  // the files of earlier pages deleted from the store since, written so with
                  // this page (a page that completes the run forgets every file of it)
                  DeletedFiles written = closes ? DeletedFiles.NONE : sweeper.toWrite(run.id());
                  FileQueue.write(c.dsl(), run.id(), written);
                  if (closes) {
                    page.completesRun();
                  }
                  // a page that completes the run stores it without its roots (OnlyPage#close)
                  page.execute(shape, run.start(), !closes, keyLists, content);
                  return new Committed(
                      page, closes && run.only().close(c.dsl(), page, keys, run.start()), written);
                });
        run.start().committed();
        run.tally().add(done.page().counted());
        sweeper.written(done.written());
        long took = System.nanoTime() - started;
        // the rows a rate counts are the pass's own (a rule's), not those below them
        run.pace().after(took, node.parent().isEmpty() ? keys.size() : 0);
        if (done.closed()) {
          // its files were deleted before the commit, their keys forgotten with the completion
          run.only().committed();
        } else if (done.page().recorded().any()) {
          if (run.pace().paced()) {
            // one thing at a time: the files now, in the pause
            sweeper.sweep(run.id(), run.tally(), done.page().recorded().list());
          } else {
            sweeper.sweepBehind(run.id(), run.tally(), done.page().recorded().list());
          }
        }
        return took;
      } catch (FileQueue.WrittenElsewhere e) {
        // rolled back before the page's statements: the page again, with the files still recorded
        sweeper.writtenElsewhere();
        attempt--;
      } catch (OnlyPage.TooManyFiles e) {
        // rolled back before any file was deleted: the page again as any other, its files recorded
        run.only().decline();
        attempt--;
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
   * A page's statements in {@code tx}, led by those that store the run while it is pending: the
   * caller tells {@code run.start()} once the transaction has committed.
   */
  private PageStatements page(Run run, DSLContext tx) {
    PageStatements page = new PageStatements(tx, run.id(), writer, templates);
    page.steps().first(run.start().statements(tx));
    return page;
  }
}
