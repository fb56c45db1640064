package dev.lethe.core.sql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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

  private static final AtomicLong STAND_INS = new AtomicLong();

  /** One statement's result in a chain: its update count, or the first row it returned. */
  public record Result(int rows, Object[] row) {

    /** The row's value at {@code index} (from 0), or null when the statement returned no row. */
    public Object value(int index) {
      return row == null ? null : row[index];
    }
  }

  /**
   * Where a bound value comes from: a constant (of SQL type {@code sqlType}, for a null), a source,
   * or the only key of a source list.
   */
  private record Bind(Object constant, int sqlType, int source, boolean element) {}

  /**
   * A shape's chain: its text, where each value comes from, and what the caller keeps with it
   * ({@code meta}: how to read the results).
   */
  public record Template<M>(String sql, int statements, List<Bind> binds, M meta) {}

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
    List<Param<?>> realParams = new ArrayList<>(dsl.extractParams(realChain).values());
    List<Object> realValues = dsl.extractBindValues(realChain);
    List<Object> probeValues = dsl.extractBindValues(probeChain);
    if (realValues.size() != probeValues.size() || realParams.size() != realValues.size()) {
      return Optional.empty();
    }
    List<Bind> binds = new ArrayList<>(realValues.size());
    for (int i = 0; i < realValues.size(); i++) {
      Object value = realValues.get(i);
      Object standIn = probeValues.get(i);
      Optional<Bind> bind = standInOf(standIn, standIns.get());
      if (bind.isPresent()) {
        if (!Objects.deepEquals(value, valueOf(bind.get(), sources))) {
          return Optional.empty();
        }
        binds.add(bind.get());
      } else if (Objects.deepEquals(value, standIn) && bindable(value)) {
        binds.add(new Bind(value, realParams.get(i).getDataType().getSQLType(), -1, false));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(new Template<>(sql, real.queries().size(), List.copyOf(binds), real.meta()));
  }

  /** The source whose stand-in {@code standIn} is, if it is one. */
  private static Optional<Bind> standInOf(Object standIn, List<?> standIns) {
    for (int j = 0; j < standIns.size(); j++) {
      Object s = standIns.get(j);
      if (s instanceof List<?> keys) {
        if (standIn instanceof Object[] array && Arrays.equals(array, keys.toArray())) {
          return Optional.of(new Bind(null, 0, j, false));
        }
        if (keys.size() == 1 && Objects.equals(standIn, keys.getFirst())) {
          return Optional.of(new Bind(null, 0, j, true));
        }
      } else if (s != null && Objects.equals(standIn, s)) {
        return Optional.of(new Bind(null, 0, j, false));
      }
    }
    return Optional.empty();
  }

  /** Stand-ins of {@code sources}: values of the same types that no real value equals. */
  private static Optional<List<?>> standIns(List<?> sources) {
    List<Object> standIns = new ArrayList<>(sources.size());
    for (Object source : sources) {
      if (source instanceof List<?> keys) {
        if (keys.isEmpty()) {
          return Optional.empty();
        }
        List<Object> keyStandIns = new ArrayList<>(keys.size());
        for (Object key : keys) {
          Optional<Object> standIn = standIn(key);
          if (standIn.isEmpty()) {
            return Optional.empty();
          }
          keyStandIns.add(standIn.get());
        }
        standIns.add(keyStandIns);
      } else if (source == null) {
        standIns.add(null);
      } else {
        Optional<Object> standIn = standIn(source);
        if (standIn.isEmpty()) {
          return Optional.empty();
        }
        standIns.add(standIn.get());
      }
    }
    return Optional.of(standIns);
  }

  private static Optional<Object> standIn(Object value) {
    long n = STAND_INS.incrementAndGet();
    return Optional.ofNullable(
        switch (value) {
          case Long ignored -> Long.MIN_VALUE + n;
          case Integer ignored -> Integer.MIN_VALUE + (int) (n % 1_000_000_000);
          case String ignored -> "\u0000stand-in " + n;
          case UUID ignored -> new UUID(0x5ea1_0000_0000_0000L, n);
          case LocalDateTime ignored -> LocalDateTime.of(1, 1, 1, 0, 0).plusSeconds(n);
          case null, default -> null;
        });
  }

  /** Whether this class binds a constant of this type itself (a null by its SQL type). */
  private static boolean bindable(Object value) {
    return value == null
        || value instanceof String
        || value instanceof Long
        || value instanceof Integer
        || value instanceof Boolean
        || value instanceof UUID
        || value instanceof LocalDateTime;
  }

  private static Object valueOf(Bind bind, List<?> sources) {
    if (bind.source() < 0) {
      return bind.constant();
    }
    Object source = sources.get(bind.source());
    if (source instanceof List<?> keys) {
      return bind.element() ? keys.getFirst() : keys.toArray();
    }
    return source;
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
            bind(connection, statement, template, sources);
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
                bind(connection, statement, template.get(), sources);
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

  private static void bind(
      Connection connection, PreparedStatement statement, Template<?> template, List<?> sources)
      throws SQLException {
    int index = 1;
    for (Bind bind : template.binds()) {
      Object value = valueOf(bind, sources);
      if (value == null) {
        statement.setNull(index++, bind.sqlType());
      } else {
        set(connection, statement, index++, value);
      }
    }
  }

  private static void set(Connection connection, PreparedStatement statement, int index, Object v)
      throws SQLException {
    switch (v) {
      case String s -> statement.setString(index, s);
      case Long l -> statement.setLong(index, l);
      case Integer i -> statement.setInt(index, i);
      case Boolean b -> statement.setBoolean(index, b);
      case UUID u -> statement.setObject(index, u);
      // as jOOQ binds it
      case LocalDateTime t -> statement.setTimestamp(index, Timestamp.valueOf(t));
      case Object[] keys -> statement.setArray(index, array(connection, keys));
      default -> throw new IllegalStateException("a template binds no " + v.getClass());
    }
  }

  private static Array array(Connection connection, Object[] keys) throws SQLException {
    String type =
        switch (keys[0]) {
          case Long ignored -> "int8";
          case Integer ignored -> "int4";
          case String ignored -> "varchar";
          case UUID ignored -> "uuid";
          default -> throw new IllegalStateException("a template binds no " + keys[0].getClass());
        };
    return connection.createArrayOf(type, keys);
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
