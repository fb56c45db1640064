package dev.lethe.server.form;

import dev.lethe.core.identity.IdentityKind;
import dev.lethe.server.pages.DataNames;
import dev.lethe.server.pages.FormChoices;
import dev.lethe.server.pages.PageTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the form shows in one language: the choices of what to delete, the identifier fields some
 * choice uses, whether a business is asked for and by what, where people may say they live.
 *
 * @param businessByName the business is typed by name; else by its workspace's id
 */
record FormOptions(
    List<Option> what,
    boolean asksBusiness,
    boolean businessByName,
    boolean phone,
    boolean telegram,
    boolean metaUserId,
    List<Option> regions,
    List<Option> languages) {

  /** A choice: its value, its label, and a line about it. */
  record Option(String value, String label, String hint) {}

  static FormOptions of(FormChoices choices, DataNames names, PageTexts texts, Locale locale) {
    List<Option> what = new ArrayList<>();
    choices.account().ifPresent(s -> what.add(option("account", s, names, locale)));
    for (String scope : choices.specific()) {
      what.add(option("only:" + scope, scope, names, locale));
    }
    choices.contact().ifPresent(s -> what.add(option("contact", s, names, locale)));
    List<Option> regions = new ArrayList<>();
    regions.add(new Option("", texts.text("form.jurisdiction.other", locale), null));
    for (String region : FormCheck.REGIONS) {
      regions.add(new Option(region, texts.text("form.jurisdiction." + region, locale), null));
    }
    List<Option> languages =
        FormCheck.LANGUAGES.stream()
            .map(l -> new Option(l, texts.text("form.language." + l, locale), null))
            .toList();
    return new FormOptions(
        List.copyOf(what),
        choices.contact().isPresent(),
        choices.businessColumn().isPresent(),
        choices.identifiers().contains(IdentityKind.PHONE),
        choices.identifiers().contains(IdentityKind.TELEGRAM),
        choices.identifiers().contains(IdentityKind.META_USER_ID),
        List.copyOf(regions),
        languages);
  }

  private static Option option(String value, String scope, DataNames names, Locale locale) {
    return new Option(value, names.scope(scope, locale), names.scopeDescription(scope, locale));
  }
}
