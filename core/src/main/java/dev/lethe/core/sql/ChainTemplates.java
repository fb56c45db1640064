package dev.lethe.core.sql;

import static dev.lethe.core.sql.TemplateValues.bind;
import static dev.lethe.core.sql.TemplateValues.bindable;
import static dev.lethe.core.sql.TemplateValues.standInOf;
import static dev.lethe.core.sql.TemplateValues.standIns;
import static dev.lethe.core.sql.TemplateValues.valueOf;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;

/**
 * PostgreSQL: chains of statements (as {@link Together} sends them) rendered by jOOQ once per shape
 * and from then on sent as that text with each chain's values bound directly through JDBC.
 * Building, rendering and binding a page's dozen statements with jOOQ took about a third of the
 * processor time of a contact's erasure; the text of a page of a given shape never changes, only
 * its run id and its keys.
 *
 * <p>A shape's chain is built twice, once from the caller's values (the <em>sources</em>: a run id,
 * lists of keys) and once from stand-ins of the same types that no real value equals. The two must
 * render to the same text; a value bound at the same place in both is a constant of the shape, one
 * that changed is the source whose stand-in it is (a key list bound as one array, or a one-key
 * list's key). A shape whose text depends on its values, or with a value that is neither (one
 * derived from a source), or bound as a type this class does not bind itself, is built and rendered
 * by jOOQ every time, as before. The caller names the shape by everything else the chain depends
 * on.
 *
 * <p>With the system property {@value #CHECK} set to {@code true} (the tests set it), every chain
 * sent from its template is also built and rendered by jOOQ, and a difference in the text or in any
 * value fails the statement: a shape named by less than its chain depends on fails the tests.
 */
public final class ChainTemplates {

  /** The system property that makes every templated chain be checked against jOOQ's rendering. */
  public static final String CHECK = "lethe.sql.check-templates";

  private static final boolean CHECKING = Boolean.getBoolean(CHECK);

  /** One statement's result in a chain: its update count, or the first row it returned. */
  public record Result(int rows, Object[] row) {

    /** The row's value at {@code index} (from 0), or null when the statement returned no row. */
    public Object value(int index) {
      return row == null ? null : row[index];
    }
  }

  /**
   * A shape's chain: its text, where each value comes from, and what the caller keeps with it
   * ({@code meta}: how to read the results).
   */
  public record Template<M>(String sql, int statements, List<TemplateValues.Bind> binds, M meta) {}

  /** A chain built from sources: its statements and what the caller keeps with its template. */
  public record Built<M>(List<? extends Query> queries, M meta) {}

  /**
   * The most values a templated chain takes (a list of keys bound as one array counts once): a run
   * started with more roots than this is stored by statements built as before, so that the shapes
   * of large starts, one for each number of roots, are not kept.
   */
  static final int MAX_SOURCES = 256;

  /** The most shapes kept: past them, a new shape's chains are built as before. */
  static final int MAX_SHAPES = 1_000;

  private final Map<Object, Optional<Template<?>>> templates = new ConcurrentHashMap<>();

  /** How many shapes have a template. */
  public int size() {
    return (int) templates.values().stream().filter(Optional::isPresent).count();
  }

  /** Whether chains are templated for {@code dsl}'s database: PostgreSQL's. */
  public static boolean applies(DSLContext dsl) {
    return dsl.dialect().family() == SQLDialect.POSTGRES;
  }

  /**
   * The template of {@code shape}, made the first time from {@code build} (called with {@code
   * sources}, then with stand-ins of them); empty if the shape's chain cannot be templated. A
   * source is a value, a null (then a constant of a shape of its own) or a list of keys.
   */
  @SuppressWarnings("unchecked") // a shape is always built by the same caller, with the same M
  public <M> Optional<Template<M>> template(
      DSLContext dsl, Object shape, List<?> sources, Function<List<?>, Built<M>> build) {
    if (sources.size() > MAX_SOURCES) {
      return Optional.empty();
    }
    // a null source is bound as a constant null: its shape is another than with a value
    List<Object> key = new ArrayList<>(sources.size() + 1);
    key.add(shape);
    for (Object source : sources) {
      key.add(source == null);
    }
    Optional<Template<?>> template = templates.get(key);
    if (template == null) {
      if (templates.size() >= MAX_SHAPES) {
        return Optional.empty();
      }
      template = templates.computeIfAbsent(key, s -> make(dsl, sources, build).map(t -> t));
    }
    return template.map(t -> (Template<M>) t);
  }

  /**
   * Runs the chain {@code build} makes of {@code sources}, in one round trip: on PostgreSQL from
   * the template of {@code shape}, elsewhere (or when the shape has none) built and sent by {@link
   * Together}.
   */
  public <M> void execute(
      DSLContext tx, Object shape, List<?> sources, Function<List<?>, Built<M>> build) {
    Optional<Template<M>> template =
        applies(tx) ? template(tx, shape, sources, build) : Optional.empty();
    if (template.isPresent()) {
      run(tx, template.get(), sources, build);
    } else {
      Together.execute(tx, build.apply(sources).queries());
    }
  }

  private static <M> Optional<Template<M>> make(
      DSLContext dsl, List<?> sources, Function<List<?>, Built<M>> build) {
    Optional<List<?>> standIns = standIns(sources);
    if (standIns.isEmpty()) {
      return Optional.empty();
    }
    Built<M> real = build.apply(sources);
    Built<M> probe = build.apply(standIns.get());
    QueryPart realChain = Together.chain(dsl, real.queries());
    QueryPart probeChain = Together.chain(dsl, probe.queries());
    String sql = dsl.render(realChain);
    if (!sql.equals(dsl.render(probeChain))) {
      return Optional.empty();
    }
    // the parameters bound, in order: inlined constants (a NOT EXISTS's SELECT 1) are text
    List<Param<?>> realParams =
        dsl.extractParams(realChain).values().stream().filter(p -> !p.isInline()).toList();
    List<Object> realValues = dsl.extractBindValues(realChain);
    List<Object> probeValues = dsl.extractBindValues(probeChain);
    if (realValues.size() != probeValues.size() || realParams.size() != realValues.size()) {
      return Optional.empty();
    }
    List<TemplateValues.Bind> binds = new ArrayList<>(realValues.size());
    for (int i = 0; i < realValues.size(); i++) {
      Object value = realValues.get(i);
      Object standIn = probeValues.get(i);
      Optional<TemplateValues.Bind> bind = standInOf(standIn, standIns.get());
      if (bind.isPresent()) {
        if (!Objects.deepEquals(value, valueOf(bind.get(), sources))) {
          return Optional.empty();
        }
        binds.add(bind.get());
      } else if (Objects.deepEquals(value, standIn) && bindable(value)) {
        binds.add(
            new TemplateValues.Bind(
                value, realParams.get(i).getDataType().getSQLType(), -1, false));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(new Template<>(sql, real.queries().size(), List.copyOf(binds), real.meta()));
  }

  /**
   * Runs {@code template}'s chain for {@code sources} in one round trip; returns each statement's
   * result, in order. With {@value #CHECK} set, checks the template against {@code build} first.
   */
  public static <M> List<Result> run(
      DSLContext tx, Template<M> template, List<?> sources, Function<List<?>, Built<M>> build) {
    if (CHECKING) {
      check(tx, template, sources, build);
    }
    return tx.connectionResult(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(template.sql())) {
            bind(connection, statement, template.binds(), sources);
            List<Result> results = results(statement);
            if (results.size() != template.statements()) {
              throw new IllegalStateException(
                  template.statements() + " statements sent together gave " + results.size());
            }
            return results;
          }
        });
  }

  /**
   * The first column of every row of the select {@code build} makes of {@code sources}, as {@code
   * column} reads it: on PostgreSQL from the template of {@code shape}, elsewhere (or when {@code
   * shape} is null or has no template) built and run by jOOQ. With {@value #CHECK} set, the rows
   * read from a template must equal jOOQ's.
   */
  public <T> List<T> fetch(
      DSLContext dsl,
      Object shape,
      List<?> sources,
      Field<T> column,
      Function<List<?>, ResultQuery<? extends Record>> build) {
    Function<List<?>, Built<Field<T>>> chain = v -> new Built<>(List.of(build.apply(v)), column);
    Optional<Template<Field<T>>> template =
        shape != null && applies(dsl) ? template(dsl, shape, sources, chain) : Optional.empty();
    if (template.isEmpty()) {
      return build.apply(sources).fetch(column);
    }
    if (CHECKING) {
      check(dsl, template.get(), sources, chain);
    }
    List<T> rows =
        dsl.connectionResult(
            connection -> {
              try (PreparedStatement statement =
                  connection.prepareStatement(template.get().sql())) {
                bind(connection, statement, template.get().binds(), sources);
                List<T> values = new ArrayList<>();
                try (ResultSet set = statement.executeQuery()) {
                  while (set.next()) {
                    values.add(column.getDataType().convert(set.getObject(1)));
                  }
                }
                return values;
              }
            });
    if (CHECKING && !rows.equals(build.apply(sources).fetch(column))) {
      throw new IllegalStateException("rows read from a template differ from jOOQ's");
    }
    return rows;
  }

  /** Each statement's result, in order: its update count, or the first row it returned. */
  private static List<Result> results(PreparedStatement statement) throws SQLException {
    List<Result> results = new ArrayList<>();
    boolean rows = statement.execute();
    while (true) {
      if (rows) {
        try (ResultSet set = statement.getResultSet()) {
          Object[] row = null;
          if (set.next()) {
            int columns = set.getMetaData().getColumnCount();
            row = new Object[columns];
            for (int c = 0; c < columns; c++) {
              Object value = set.getObject(c + 1);
              row[c] = value instanceof Array array ? array.getArray() : value;
            }
          }
          results.add(new Result(row == null ? 0 : 1, row));
        }
      } else {
        int count = statement.getUpdateCount();
        if (count == -1) {
          return results;
        }
        results.add(new Result(count, null));
      }
      rows = statement.getMoreResults();
    }
  }

  private static <M> void check(
      DSLContext tx, Template<M> template, List<?> sources, Function<List<?>, Built<M>> build) {
    QueryPart chain = Together.chain(tx, build.apply(sources).queries());
    String sql = tx.render(chain);
    List<Object> expected = tx.extractBindValues(chain);
    List<Object> actual = template.binds().stream().map(b -> valueOf(b, sources)).toList();
    if (!sql.equals(template.sql()) || !Arrays.deepEquals(expected.toArray(), actual.toArray())) {
      throw new IllegalStateException(
          "a chain's template differs from its statements: its shape misses what they depend on");
    }
  }
}
