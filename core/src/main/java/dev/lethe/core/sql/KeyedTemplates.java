package dev.lethe.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * Statements whose only values are a list of keys, rendered once per shape and then bound with each
 * list: rendering a contact's scope count with jOOQ took a fifth of a small erasure's CPU, and the
 * same text lets the database's driver reuse its parsed statement.
 *
 * <p>A shape's statement is built with {@link #params} in place of the keys, rendered with named
 * parameters, and kept when those are its only values (a statement with any other value is built
 * and rendered every time, as before). Shapes are few: the caller names one per tree and number of
 * keys, and only for short key lists.
 */
public final class KeyedTemplates {

  /** The longest key list a shape is kept for: longer ones are rarer and cost less per row. */
  public static final int MAX_KEYS = 16;

  private static final Pattern NAMED = Pattern.compile(":k([0-9]+)");

  /**
   * A statement rendered with {@code ?} where the keys go, which key goes at each, and what the
   * caller needs to read its results ({@code meta}).
   */
  public record Rendered<T>(String sql, int[] keyAt, T meta) {

    /** The values to bind, in order, for {@code keys}. */
    public Object[] bind(List<?> keys) {
      Object[] values = new Object[keyAt.length];
      for (int i = 0; i < keyAt.length; i++) {
        values[i] = keys.get(keyAt[i]);
      }
      return values;
    }
  }

  /** A shape's statement, built with the keys' stand-ins, and what reads its results. */
  public record Built<T>(Query query, T meta) {}

  private final Map<String, Optional<Rendered<?>>> shapes = new ConcurrentHashMap<>();

  /** Stand-ins for {@code keys}, to build a shape's statement with. */
  public static List<Param<Object>> params(List<?> keys) {
    List<Param<Object>> params = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      params.add(DSL.param("k" + i, (Object) keys.get(i)));
    }
    return params;
  }

  /**
   * The rendered statement of {@code shape}, built by {@code build} the first time; empty if its
   * statement has values other than the keys' stand-ins.
   */
  @SuppressWarnings("unchecked") // a shape is always built by the same caller, with the same T
  public <T> Optional<Rendered<T>> get(DSLContext dsl, String shape, Supplier<Built<T>> build) {
    Optional<Rendered<?>> rendered = shapes.computeIfAbsent(shape, s -> render(dsl, build.get()));
    return rendered.map(r -> (Rendered<T>) r);
  }

  static Optional<Rendered<?>> render(DSLContext dsl, Built<?> built) {
    Query query = built.query();
    if (!query.getParams().keySet().stream()
        .allMatch(name -> NAMED.matcher(":" + name).matches())) {
      return Optional.empty();
    }
    String named = dsl.renderNamedParams(query);
    Matcher m = NAMED.matcher(named);
    StringBuilder sql = new StringBuilder();
    List<Integer> keyAt = new ArrayList<>();
    while (m.find()) {
      keyAt.add(Integer.parseInt(m.group(1)));
      m.appendReplacement(sql, "?");
    }
    m.appendTail(sql);
    if (keyAt.size() != query.getBindValues().size()) {
      return Optional.empty();
    }
    return Optional.of(
        new Rendered<>(sql.toString(), keyAt.stream().mapToInt(i -> i).toArray(), built.meta()));
  }
}
