package dev.lethe.server.instructions;

import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.Entity;
import dev.lethe.core.datamap.Retained;
import dev.lethe.core.datamap.RetentionRule;
import dev.lethe.core.datamap.Scope;
import dev.lethe.core.deadline.ProductPromises;
import dev.lethe.server.config.LetheProperties;
import dev.lethe.server.instructions.InstructionsPage.Block;
import dev.lethe.server.instructions.InstructionsPage.Kept;
import dev.lethe.server.instructions.InstructionsPage.Named;
import dev.lethe.server.instructions.InstructionsPage.ScopeView;
import dev.lethe.server.pages.DataNames;
import dev.lethe.server.pages.FormChoices;
import dev.lethe.server.pages.PageTexts;
import dev.lethe.server.pages.PagesProperties;
import dev.lethe.server.requests.RequestProperties;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Writes the Data Deletion Instructions from what the service really does: the doors that are
 * configured, what each scope of the data map deletes and keeps, the legally retained entities with
 * their basis and period, the retention rules that run, the promises and the laws' limits, the
 * backup horizon. The operator adds names, sub-processors and text blocks, never a list.
 */
final class Instructions {

  private static final Set<String> CREATION_COLUMNS =
      Set.of("created_at", "created", "inserted_at", "sent_at", "received_at");

  /** The settings the instructions are written from, besides the data map and the names. */
  record Sources(
      PagesProperties pages,
      FormChoices form,
      ProductPromises promises,
      RequestProperties requests,
      LetheProperties lethe,
      Supplier<URI> publicBase) {}

  private final DataMap map;
  private final DataNames names;
  private final PageTexts texts;
  private final Sources sources;
  private final Timelines timelines;

  Instructions(DataMap map, DataNames names, PageTexts texts, Sources sources) {
    this.map = map;
    this.names = names;
    this.texts = texts;
    this.sources = sources;
    this.timelines =
        new Timelines(
            texts,
            sources.promises(),
            sources.pages().selfService().offered(),
            sources.form().enabled(),
            sources.pages().contactEmail().isPresent());
  }

  InstructionsPage in(Locale locale) {
    PagesProperties pages = sources.pages();
    String base = sources.publicBase().get().toString().replaceAll("/+$", "");
    String metaScope = sources.lethe().meta().scope();
    return new InstructionsPage(
        pages.selfService().url().orElse(null),
        pages.selfService().steps() == null
            ? null
            : pages.selfService().steps().in(locale).orElse(null),
        sources.form().enabled(),
        pages.contactEmail().orElse(null),
        pages.metaAppName().orElse(pages.productName()),
        map.scope(metaScope).map(s -> scope(s, locale)).orElse(null),
        requestScopes(metaScope, locale),
        otherScopes(metaScope, locale),
        kept(locale),
        sources.lethe().retention().enabled() ? rules(locale) : List.of(),
        sources.lethe().retention().enabled() ? rulesWhen(locale) : null,
        timelines.promises(locale),
        timelines.laws(locale),
        texts.duration(sources.requests().verificationValidity(), locale),
        sources.requests().backupRetention().isZero()
            ? null
            : texts.duration(sources.requests().backupRetention(), locale),
        pages.subProcessors().stream()
            .map(
                p ->
                    new Named(
                        p.name(), p.purpose() == null ? "" : p.purpose().in(locale).orElse("")))
            .toList(),
        blocks(locale),
        base + "/api/data-deletion",
        base + "/api/meta/deauthorize",
        base + "/data-deletion/status?id=");
  }

  private List<ScopeView> requestScopes(String metaScope, Locale locale) {
    List<ScopeView> views = new ArrayList<>();
    for (String name : sources.form().scopes()) {
      map.scope(name).ifPresent(s -> views.add(scope(s, locale)));
    }
    if (!sources.form().scopes().contains(metaScope)) {
      map.scope(metaScope).ifPresent(s -> views.add(scope(s, locale)));
    }
    return views;
  }

  private List<ScopeView> otherScopes(String metaScope, Locale locale) {
    return map.scopes().values().stream()
        .filter(s -> !sources.form().scopes().contains(s.name()) && !s.name().equals(metaScope))
        .filter(s -> !names.scopeHidden(s.name()))
        .map(s -> scope(s, locale))
        .toList();
  }

  private ScopeView scope(Scope scope, Locale locale) {
    ScopeReach reach = ScopeReach.of(map, scope);
    return new ScopeView(
        "scope-" + scope.name().replace('_', '-'),
        names.scope(scope.name(), locale),
        names.scopeDescription(scope.name(), locale),
        reach.deleted().stream().map(e -> named(e, locale)).toList(),
        changes(reach.anonymized(), locale),
        changes(reach.anonymizedWhereKept(), locale),
        reach.unlinked().stream().map(e -> names.entity(e, locale)).toList(),
        reach.retained().stream().map(e -> names.entity(e, locale)).toList());
  }

  private List<String> changes(Map<String, List<String>> rewritten, Locale locale) {
    return rewritten.entrySet().stream()
        .map(
            e ->
                texts.text(
                    "instructions.scope.changed-item",
                    locale,
                    names.entity(e.getKey(), locale),
                    columns(e.getValue(), locale)))
        .toList();
  }

  private Named named(String entity, Locale locale) {
    return new Named(
        names.entity(entity, locale), names.entityDescription(entity, locale).orElse(null));
  }

  private List<Kept> kept(Locale locale) {
    List<Kept> kept = new ArrayList<>();
    for (Entity entity : map.entities().values()) {
      if (entity.retained().isEmpty()) {
        continue;
      }
      Retained retained = entity.retained().get();
      kept.add(
          new Kept(
              names.entity(entity.name(), locale),
              names.basis(entity.name(), retained.basis(), locale),
              texts.text(
                  "instructions.kept.period",
                  locale,
                  texts.period(retained.keepFor(), locale),
                  names.column(retained.since(), locale)),
              retained.anonymize().isEmpty()
                  ? null
                  : columns(List.copyOf(retained.anonymize().keySet()), locale)));
    }
    return kept;
  }

  private List<String> rules(Locale locale) {
    List<String> rules = new ArrayList<>();
    for (RetentionRule rule : map.retention()) {
      String entity = names.entity(rule.entity(), locale);
      String age = texts.period(rule.maxAge(), locale);
      String action = rule.action() == RetentionRule.Action.DELETE ? "delete" : "anonymize";
      rules.add(
          CREATION_COLUMNS.contains(rule.column())
              ? texts.text("instructions.rule." + action + "-older", locale, entity, age)
              : texts.text(
                  "instructions.rule." + action + "-after",
                  locale,
                  entity,
                  age,
                  names.column(rule.column(), locale)));
    }
    return rules;
  }

  private String rulesWhen(Locale locale) {
    String schedule = sources.lethe().retention().schedule().strip();
    if (schedule.toUpperCase(Locale.ROOT).startsWith("DAILY|")) {
      String times = schedule.substring("DAILY|".length()).replace(",", ", ");
      return texts.text(
          "instructions.rules.daily",
          locale,
          times,
          ZoneId.systemDefault().getDisplayName(TextStyle.SHORT, locale));
    }
    return texts.text("instructions.rules.regularly", locale);
  }

  private Map<String, List<Block>> blocks(Locale locale) {
    Map<String, List<Block>> bySection = new LinkedHashMap<>();
    for (PagesProperties.Block block : sources.pages().blocks()) {
      String title = block.title() == null ? null : block.title().in(locale).orElse(null);
      List<String> paragraphs =
          block.body() == null
              ? List.of()
              : Arrays.stream(block.body().in(locale).orElse("").split("\\n\\s*\\n"))
                  .map(String::strip)
                  .filter(p -> !p.isEmpty())
                  .toList();
      if (title == null && paragraphs.isEmpty()) {
        continue;
      }
      bySection
          .computeIfAbsent(section(block.after()), s -> new ArrayList<>())
          .add(new Block(title, paragraphs));
    }
    return bySection;
  }

  static final List<String> SECTIONS =
      List.of("top", "ways", "deleted", "kept", "timelines", "end");

  private static String section(String after) {
    String wanted = after == null ? "end" : after.strip().toLowerCase(Locale.ROOT);
    return SECTIONS.contains(wanted) ? wanted : "end";
  }

  private String columns(List<String> columns, Locale locale) {
    return String.join(", ", columns.stream().map(c -> names.column(c, locale)).toList());
  }
}
