package dev.lethe.core.sql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The values of a {@link ChainTemplates} template: the stand-ins that tell, when a shape's template
 * is made, a source's place from a constant's, and each value bound through JDBC when a chain is
 * sent from it.
 */
final class TemplateValues {

  private static final AtomicLong STAND_INS = new AtomicLong();

  private TemplateValues() {}

  /**
   * Where a bound value comes from: a constant (of SQL type {@code sqlType}, for a null), a source,
   * or the only key of a source list.
   */
  record Bind(Object constant, int sqlType, int source, boolean element) {}

  /** The source whose stand-in {@code standIn} is, if it is one. */
  static Optional<Bind> standInOf(Object standIn, List<?> standIns) {
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
  static Optional<List<?>> standIns(List<?> sources) {
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
  static boolean bindable(Object value) {
    return value == null
        || value instanceof String
        || value instanceof Long
        || value instanceof Integer
        || value instanceof Boolean
        || value instanceof UUID
        || value instanceof LocalDateTime;
  }

  static Object valueOf(Bind bind, List<?> sources) {
    if (bind.source() < 0) {
      return bind.constant();
    }
    Object source = sources.get(bind.source());
    if (source instanceof List<?> keys) {
      return bind.element() ? keys.getFirst() : keys.toArray();
    }
    return source;
  }

  /** Binds each value of a chain from {@code sources}, in order. */
  static void bind(
      Connection connection, PreparedStatement statement, List<Bind> binds, List<?> sources)
      throws SQLException {
    int index = 1;
    for (Bind bind : binds) {
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
}
