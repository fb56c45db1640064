package dev.lethe.core.desk;

import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.deadline.BusinessCalendar;
import dev.lethe.core.deadline.Deadlines;
import dev.lethe.core.deadline.ProductPromises;
import dev.lethe.core.deadline.Promise;
import dev.lethe.core.deadline.Span;
import dev.lethe.core.execute.ExecutionOptions;
import dev.lethe.core.files.LocalDirectoryFileStore;
import dev.lethe.core.hold.LegalHold;
import dev.lethe.core.identity.KeyedHasher;
import dev.lethe.core.identity.Sealer;
import dev.lethe.core.ledger.Ledger;
import dev.lethe.core.mail.CapturingMailer;
import dev.lethe.core.mail.MailComposer;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.request.RequestStore;
import dev.lethe.core.request.Requests;
import dev.lethe.core.request.Verifications;
import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.ReferencePlatform;
import dev.lethe.platform.generator.PlatformGenerator;
import dev.lethe.platform.testing.SettableClock;
import dev.lethe.platform.testing.TestDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A desk over the reference platform (host) and Lethe's own tables (state), both in H2, with mail
 * captured, holds the test sets, and a clock the test moves.
 */
final class DeskFixture implements AutoCloseable {

  static final byte[] SECRET = "a test installation secret, 32 b".getBytes();

  final SettableClock clock = new SettableClock(Instant.parse("2026-11-28T03:00:00Z"));
  final TestDatabase host = TestDatabase.create(TestDatabase.Kind.H2);
  final TestDatabase state = TestDatabase.create(TestDatabase.Kind.H2);
  final KeyedHasher hasher = new KeyedHasher(SECRET);
  final RequestStore store;
  final Requests requests;
  final Verifications verifications;
  final Ledger ledger;
  final CapturingMailer mailer = new CapturingMailer(100, clock);
  final List<LegalHold> holds = new CopyOnWriteArrayList<>();
  final QueuedWork work = new QueuedWork(clock);
  final List<Receipt> finished = new CopyOnWriteArrayList<>();
  final Desk desk;

  DeskFixture(Path files) {
    ReferencePlatform.createSchema(host.dataSource());
    new PlatformGenerator(PlatformGenerator.Sizes.small(), 42, PlatformGenerator.REFERENCE_NOW)
        .withFiles(files)
        .generate(host.dataSource());
    Lethe lethe =
        Lethe.open(
            new Lethe.Config(
                host.dataSource(),
                DataMapLoader.load("reference-platform.yaml", ReferencePlatform.dataMapText()),
                new LocalDirectoryFileStore(files),
                clock,
                Optional.of(SECRET),
                ExecutionOptions.defaults()));
    store = RequestStore.open(state.dataSource(), Vendor.H2);
    Deadlines deadlines =
        new Deadlines(
            clock,
            ProductPromises.of(Promise.acknowledgeAndComplete(Span.businessDays(2), Span.days(30))),
            BusinessCalendar.of(ZoneOffset.UTC));
    requests = new Requests(store, hasher, new Sealer(SECRET), deadlines, clock);
    verifications = new Verifications(store, hasher, clock);
    ledger = Ledger.open(state.dataSource(), Vendor.H2, clock);
    desk =
        new Desk(
            new DeskParts(
                requests,
                store,
                verifications,
                lethe,
                ledger,
                () -> List.copyOf(holds),
                new MailComposer(ZoneOffset.UTC),
                mailer,
                work,
                () -> DeskSettings.of(URI.create("https://privacy.example.test")),
                finished::add,
                clock));
    work.attach(desk);
  }

  /** The first row of a query on the host, as a list of values. */
  List<Object> hostRow(String sql, Object... args) {
    try (Connection c = host.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new AssertionError("no row for " + sql);
        }
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.add(rs.getObject(i));
        }
        return row;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  long hostCount(String sql, Object... args) {
    return ((Number) hostRow(sql, args).get(0)).longValue();
  }

  /** Every value of every column of a state table, as text, to search for what must not be kept. */
  String stateDump(String table) {
    StringBuilder out = new StringBuilder();
    try (Connection c = state.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement("SELECT * FROM " + table);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          out.append(rs.getString(i)).append('|');
        }
        out.append('\n');
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  @Override
  public void close() {
    host.close();
    state.close();
  }
}
