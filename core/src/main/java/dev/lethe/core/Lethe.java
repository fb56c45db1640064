package dev.lethe.core;

import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.execute.ExecutionOptions;
import dev.lethe.core.execute.Executor;
import dev.lethe.core.execute.RunStart;
import dev.lethe.core.files.FileStore;
import dev.lethe.core.hold.HeldRows;
import dev.lethe.core.hold.LegalHold;
import dev.lethe.core.identity.IdentityNormalizer;
import dev.lethe.core.identity.KeyedHasher;
import dev.lethe.core.identity.Sealer;
import dev.lethe.core.plan.ErasureRequest;
import dev.lethe.core.plan.Plan;
import dev.lethe.core.plan.Planner;
import dev.lethe.core.plan.RequestException;
import dev.lethe.core.plan.RootSet;
import dev.lethe.core.plan.WorkspaceLookup;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.receipt.ReceiptJson;
import dev.lethe.core.retention.RetentionOutcome;
import dev.lethe.core.schema.SchemaSnapshot;
import dev.lethe.core.schema.Vendor;
import dev.lethe.core.sql.BoundMap;
import dev.lethe.core.sql.ChainTemplates;
import dev.lethe.core.sql.TimeOrderedIds;
import dev.lethe.core.sql.VendorSql;
import dev.lethe.core.state.InstallationSecret;
import dev.lethe.core.state.RunRecord;
import dev.lethe.core.state.RunStatus;
import dev.lethe.core.state.RunStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/**
 * The deletion engine over one host database: plan a request, preview it, run it in batches, resume
 * it after a crash, verify nothing is left, and produce its receipt.
 *
 * <p>Lethe keeps its own tables ({@code lethe_*}) in the host database, so every batch commits
 * together with its checkpoint.
 */
public final class Lethe {

  private final DSLContext dsl;
  private final BoundMap bound;
  private final RunStore runs;
  private final FileStore files;
  private final Clock clock;
  private final KeyedHasher hasher;
  private final Sealer sealer;
  private final PlannedRuns planned;
  private final String anonymizationSalt;
  private final VendorSql vendorSql;
  private final ExecutionOptions options;
  private final ChainTemplates pageTemplates = new ChainTemplates();

  private Lethe(
      DSLContext dsl,
      BoundMap bound,
      RunStore runs,
      FileStore files,
      Clock clock,
      byte[] secret,
      VendorSql vendorSql,
      ExecutionOptions options) {
    this.dsl = dsl;
    this.bound = bound;
    this.runs = runs;
    this.files = files;
    this.clock = clock;
    this.hasher = new KeyedHasher(secret);
    this.sealer = new Sealer(secret);
    this.planned = new PlannedRuns(bound.map(), sealer, hasher);
    this.anonymizationSalt = hasher.hex("anonymization", "salt");
    this.vendorSql = vendorSql;
    this.options = options;
  }

  /** Opens the engine with default batch options; see {@link #open(Config)}. */
  public static Lethe open(DataSource dataSource, DataMap map, FileStore files, Clock clock) {
    return open(
        new Config(dataSource, map, files, clock, Optional.empty(), ExecutionOptions.defaults()));
  }

  /**
   * Everything the engine needs.
   *
   * @param secret the installation secret (≥ 16 bytes); when empty, one is generated once and kept
   *     in {@code lethe_settings}
   */
  public record Config(
      DataSource dataSource,
      DataMap map,
      FileStore files,
      Clock clock,
      Optional<byte[]> secret,
      ExecutionOptions options) {}

  /**
   * Creates Lethe's tables if needed, reads the live schema and validates the data map against it.
   *
   * @throws dev.lethe.core.datamap.DataMapException when the map does not fit the schema
   */
  public static Lethe open(Config config) {
    SchemaSnapshot schema;
    try (Connection connection = config.dataSource().getConnection()) {
      schema = SchemaSnapshot.read(connection);
    } catch (SQLException e) {
      throw new DatabaseUnavailableException(
          "cannot read the database schema: " + e.getMessage(), e);
    }
    Vendor vendor = schema.vendor();
    RunStore.migrate(config.dataSource(), vendor);
    DSLContext dsl = vendor.dsl(config.dataSource());
    BoundMap bound = BoundMap.bind(config.map(), schema);
    RunStore runs = new RunStore(dsl, config.options().targetMillis());
    runs.completion().forgetCompletedRuns();
    byte[] secret = config.secret().orElseGet(() -> InstallationSecret.of(dsl));
    return new Lethe(
        dsl,
        bound,
        runs,
        config.files(),
        config.clock(),
        secret,
        VendorSql.of(vendor),
        config.options());
  }

  public DataMap dataMap() {
    return bound.map();
  }

  public IdentityNormalizer normalizer() {
    return new IdentityNormalizer(bound.map().phoneRegion());
  }

  public KeyedHasher hasher() {
    return hasher;
  }

  /**
   * Checks a request against the data map without reading any row.
   *
   * @throws RequestException naming what is wrong (unknown scope, missing workspace, an identity
   *     kind or parameter the scope does not take, a parameter value of the wrong type)
   */
  public void check(ErasureRequest request) {
    planner().check(request);
  }

  /** Resolves a request and counts exactly what it would do. Changes nothing. */
  public Plan plan(ErasureRequest request, List<LegalHold> holds) {
    return planner().plan(request, heldRows(request, holds));
  }

  /** Workspaces of the host, looked up by a column of the data map's workspace entity. */
  public WorkspaceLookup workspaces() {
    return new WorkspaceLookup(dsl, bound);
  }

  private Planner planner() {
    return new Planner(dsl, bound, clock);
  }

  private HeldRows heldRows(ErasureRequest request, List<LegalHold> holds) {
    return HeldRows.of(holds, clock.instant(), request.identities(), hasher);
  }

  /**
   * Plans, runs and verifies a request in one go; returns its receipt. The run is stored, with its
   * roots, in the transaction of its first change, so it resumes like any other once anything of it
   * is done (before that there is nothing to resume: the request is erased again); the plan is not
   * counted (the receipt counts what execution did) and its roots are not read back. A subject
   * whose roots fit one page is, on PostgreSQL and H2, verified and completed in that page's
   * transaction too: its erasure commits once ({@link dev.lethe.core.execute.Closing}).
   */
  public Receipt erase(ErasureRequest request, List<LegalHold> holds) {
    return erase(request, holds, TimeOrderedIds.next().toString());
  }

  /**
   * {@link #erase(ErasureRequest, List)} under a run id the caller chose (and stored first, as for
   * {@link #start(Plan, String)}); a run that stopped is resumed with {@link #run}.
   */
  public Receipt erase(ErasureRequest request, List<LegalHold> holds, String id) {
    Plan plan = planner().planUncounted(request, heldRows(request, holds));
    RunRecord run = planned.record(plan, id, clock.instant()).started(clock.instant());
    return finisher().finish(run, plan, RunStart.pending(runs, run, PlannedRuns.rootKeys(plan)));
  }

  /** Records a planned run (its root keys and sealed identities); returns the run id. */
  public String start(Plan plan) {
    return start(plan, TimeOrderedIds.next().toString());
  }

  /**
   * Records a planned run under an id the caller chose (and stored first, so a crash in between
   * leaves no run that nothing points at); returns the id.
   */
  public String start(Plan plan, String id) {
    runs.create(planned.record(plan, id, clock.instant()), PlannedRuns.rootKeys(plan));
    return id;
  }

  /**
   * Executes, verifies and completes a run, resuming wherever it stopped. A completed run is not
   * touched again: its stored receipt is returned.
   *
   * @throws VerificationFailedException when something of the subject is still found
   */
  public Receipt run(String runId, List<LegalHold> holds) {
    RunRecord record = runs.find(runId).orElseThrow(() -> new UnknownRunException(runId));
    if (record.status() == RunStatus.COMPLETED) {
      return ReceiptJson.read(record.receipt().orElseThrow());
    }
    Instant now = clock.instant();
    if (!runs.transition(runId, record.version(), RunStatus.RUNNING, now)) {
      throw new ConcurrentRunException(runId);
    }
    ErasureRequest request = SealedRequest.open(sealer, record.subjectSealed().orElseThrow());
    return finisher()
        .finish(record.started(now), storedPlan(runId, request, holds), RunStart.stored());
  }

  private RunFinisher finisher() {
    return new RunFinisher(dsl, bound, runs, executor(), clock);
  }

  private Executor executor() {
    return Executor.create(dsl, runs, vendorSql, anonymizationSalt, files, options, pageTemplates);
  }

  /** The run's plan from its stored roots, uncounted: execution needs the roots, not counts. */
  private Plan storedPlan(String runId, ErasureRequest request, List<LegalHold> holds) {
    var scope = planner().scope(request.scope());
    List<RootSet> roots = new ArrayList<>();
    for (int i = 0; i < scope.roots().size(); i++) {
      var root = scope.roots().get(i);
      var entity = bound.entity(root.entity());
      roots.add(
          new RootSet(
              i,
              root,
              dev.lethe.core.plan.Node.root(bound, root.entity()),
              entity.keysFromText(runs.roots(runId, i))));
    }
    return planner().withRootsUncounted(request, scope, roots, heldRows(request, holds));
  }

  /**
   * Applies the data map's retention rules (all, or the one named), each as a run of its own.
   *
   * @throws RequestException for an unknown rule name
   */
  public List<RetentionOutcome> sweepRetention(Optional<String> ruleName, List<LegalHold> holds) {
    return new RetentionRuns(bound, runs, executor(), clock)
        .sweep(ruleName, HeldRows.of(holds, clock.instant(), List.of(), hasher));
  }

  public Optional<RunRecord> findRun(String runId) {
    return runs.find(runId);
  }
}
