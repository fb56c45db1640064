package dev.lethe.server.pages;

import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.Scope;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.MessageSource;

/**
 * What people read for the data map's entities, scopes and columns: the operator's words ({@code
 * lethe.pages.entities.*}, {@code lethe.pages.scopes.*}) first, then the built-in ones in {@code
 * messages/pages*.properties} ({@code data.entity.contacts}), then the map's own name made readable
 * ({@code kb_documents} → "Kb documents") or, for a scope, its description.
 */
public final class DataNames {

  private final DataMap map;
  private final PagesProperties properties;
  private final MessageSource messages;

  public DataNames(DataMap map, PagesProperties properties, MessageSource messages) {
    this.map = map;
    this.properties = properties;
    this.messages = messages;
  }

  public String entity(String name, Locale locale) {
    return configured(properties.entities(), name, PagesProperties.Naming::name, locale)
        .or(() -> message("data.entity." + name, locale))
        .orElseGet(() -> readable(name));
  }

  /** A sentence about the entity, if the operator or the built-in texts have one. */
  public Optional<String> entityDescription(String name, Locale locale) {
    return configured(properties.entities(), name, PagesProperties.Naming::description, locale)
        .or(() -> message("data.entity." + name + ".description", locale));
  }

  public String scope(String name, Locale locale) {
    return configured(properties.scopes(), name, PagesProperties.Naming::name, locale)
        .or(() -> message("data.scope." + name, locale))
        .orElseGet(() -> readable(name));
  }

  public String scopeDescription(String name, Locale locale) {
    return configured(properties.scopes(), name, PagesProperties.Naming::description, locale)
        .or(() -> message("data.scope." + name + ".description", locale))
        .orElseGet(() -> map.scope(name).map(Scope::description).orElse(""));
  }

  public boolean scopeHidden(String name) {
    PagesProperties.Naming naming = properties.scopes().get(name);
    return naming != null && naming.hidden();
  }

  /**
   * Why a retained entity is kept: the operator's words, else {@code recorded} (the basis on the
   * receipt or in the data map, as written there).
   */
  public String basis(String entity, String recorded, Locale locale) {
    return configured(properties.entities(), entity, PagesProperties.Naming::basis, locale)
        .orElse(recorded == null ? "" : recorded);
  }

  /**
   * A column as people read it: the built-in words ({@code data.column.tax_id} → "tax ID"), else
   * its name made readable ({@code customer_email} → "customer email").
   */
  public String column(String name, Locale locale) {
    return message("data.column." + name, locale).orElseGet(() -> words(name));
  }

  private static String words(String name) {
    return name.replace('_', ' ').strip();
  }

  /** A name made readable: {@code kb_documents} → "Kb documents". */
  static String readable(String name) {
    String words = words(name);
    return words.isEmpty()
        ? name
        : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  private static Optional<String> configured(
      Map<String, PagesProperties.Naming> namings,
      String name,
      Function<PagesProperties.Naming, PagesProperties.Text> text,
      Locale locale) {
    return Optional.ofNullable(namings.get(name)).map(text).flatMap(t -> t.in(locale));
  }

  private Optional<String> message(String code, Locale locale) {
    return Optional.ofNullable(messages.getMessage(code, null, null, locale))
        .filter(s -> !s.isBlank());
  }
}
