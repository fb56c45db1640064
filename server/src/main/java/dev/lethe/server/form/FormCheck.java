package dev.lethe.server.form;

import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.Scope;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.identity.IdentityNormalizer;
import dev.lethe.core.plan.WorkspaceLookup;
import dev.lethe.core.request.Contact;
import dev.lethe.core.request.InvalidRequestException;
import dev.lethe.core.request.NewRequest;
import dev.lethe.core.request.RequestSource;
import dev.lethe.core.request.RequestType;
import dev.lethe.server.pages.DataNames;
import dev.lethe.server.pages.FormChoices;
import dev.lethe.server.pages.PageTexts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the request form field by field, in the person's language, and makes the request: the
 * chosen scope, the identifiers that scope finds people by, the business's workspace, the law where
 * they live, their address to write to, verification. The e-mail address is proven by the mailed
 * link; any other identifier is not, so a request naming one is left to staff to verify.
 */
final class FormCheck {

  /** Where people may say they live: regions the deadlines know, else the default. */
  static final List<String> REGIONS = List.of("EU", "US-CA", "IN", "ID", "BR");

  static final List<String> LANGUAGES = List.of("en", "id");

  private static final Pattern TELEGRAM = Pattern.compile("@?[A-Za-z0-9_]{5,32}");
  private static final Pattern META_ID = Pattern.compile("[0-9]{5,30}");

  /**
   * The outcome: errors by field (empty when the form holds), else the request.
   *
   * @param forStaff the request names identifiers a mailed link does not prove
   * @param email the address as normalized, for the per-address limit
   */
  record Checked(Map<String, String> errors, NewRequest request, boolean forStaff, String email) {}

  private final DataMap map;
  private final FormChoices choices;
  private final IdentityNormalizer normalizer;
  private final WorkspaceLookup workspaces;
  private final String defaultJurisdiction;
  private final PageTexts texts;
  private final DataNames names;

  FormCheck(
      DataMap map,
      FormChoices choices,
      IdentityNormalizer normalizer,
      WorkspaceLookup workspaces,
      String defaultJurisdiction,
      PageTexts texts,
      DataNames names) {
    this.map = map;
    this.choices = choices;
    this.normalizer = normalizer;
    this.workspaces = workspaces;
    this.defaultJurisdiction = defaultJurisdiction;
    this.texts = texts;
    this.names = names;
  }

  /** The scope a choice of the form's {@code what} stands for. */
  Optional<String> scopeOf(String what) {
    if ("account".equals(what)) {
      return choices.account();
    }
    if ("contact".equals(what)) {
      return choices.contact();
    }
    if (what != null && what.startsWith("only:")) {
      String scope = what.substring("only:".length());
      return choices.specific().contains(scope) ? Optional.of(scope) : Optional.empty();
    }
    return Optional.empty();
  }

  Checked check(FormValues form, Locale locale) {
    Map<String, String> errors = new LinkedHashMap<>();
    String email = email(form.email(), errors, locale);
    if (form.name().length() > FormValues.MAX_NAME) {
      errors.put("name", texts.text("form.error.name.long", locale, FormValues.MAX_NAME));
    }
    Optional<Scope> scope = scopeOf(form.what()).flatMap(map::scope);
    if (scope.isEmpty()) {
      errors.put("what", texts.text("form.error.what.required", locale));
    }
    Optional<String> workspace =
        scope.filter(Scope::tenantBound).flatMap(s -> business(form.business(), errors, locale));
    List<Identity> identities = new ArrayList<>();
    Set<IdentityKind> accepted = scope.map(FormChoices::accepted).orElse(Set.of());
    if (email != null && accepted.contains(IdentityKind.EMAIL)) {
      identities.add(new Identity(IdentityKind.EMAIL, email));
    }
    identifier(
        "phone", IdentityKind.PHONE, form.phone(), accepted, scope, identities, errors, locale);
    identifier(
        "telegram",
        IdentityKind.TELEGRAM,
        form.telegram(),
        accepted,
        scope,
        identities,
        errors,
        locale);
    identifier(
        "meta_user_id",
        IdentityKind.META_USER_ID,
        form.metaUserId(),
        accepted,
        scope,
        identities,
        errors,
        locale);
    if (scope.isPresent() && identities.isEmpty() && !accepted.contains(IdentityKind.EMAIL)) {
      String field = fieldOf(accepted);
      errors.putIfAbsent(
          field,
          texts.text(
              "form.error." + field + ".needed", locale, names.scope(scope.get().name(), locale)));
    }
    String jurisdiction = form.jurisdiction().isEmpty() ? defaultJurisdiction : form.jurisdiction();
    if (!form.jurisdiction().isEmpty() && !REGIONS.contains(form.jurisdiction())) {
      errors.put("jurisdiction", texts.text("form.error.jurisdiction.invalid", locale));
    }
    String language = form.language().isEmpty() ? PageTexts.language(locale) : form.language();
    if (!LANGUAGES.contains(language)) {
      errors.put("language", texts.text("form.error.language.invalid", locale));
    }
    if (!form.statement()) {
      errors.put("statement", texts.text("form.error.statement.required", locale));
    }
    if (!errors.isEmpty()) {
      return new Checked(errors, null, false, email);
    }
    try {
      NewRequest request =
          new NewRequest(
              RequestType.ERASURE,
              scope.get().name(),
              identities,
              workspace,
              Map.of(),
              jurisdiction,
              RequestSource.WEB_FORM,
              Optional.empty(),
              true,
              Optional.empty(),
              Optional.empty(),
              Optional.of(new Contact(email, language)));
      boolean forStaff = identities.stream().anyMatch(i -> i.kind() != IdentityKind.EMAIL);
      return new Checked(Map.of(), request, forStaff, email);
    } catch (InvalidRequestException e) {
      return new Checked(
          Map.of("submit", texts.text("form.error.request", locale)), null, false, email);
    }
  }

  private String email(String typed, Map<String, String> errors, Locale locale) {
    if (typed.isEmpty()) {
      errors.put("email", texts.text("form.error.email.required", locale));
      return null;
    }
    try {
      if (typed.length() > FormValues.MAX_EMAIL) {
        throw new IllegalArgumentException("too long");
      }
      new Contact(typed, "en");
      return normalizer.normalize(IdentityKind.EMAIL, typed).value();
    } catch (IllegalArgumentException e) {
      errors.put("email", texts.text("form.error.email.invalid", locale));
      return null;
    }
  }

  private Optional<String> business(String typed, Map<String, String> errors, Locale locale) {
    if (typed.isEmpty()) {
      errors.put("business", texts.text("form.error.business.required", locale));
      return Optional.empty();
    }
    if (typed.length() > FormValues.MAX_BUSINESS) {
      errors.put(
          "business", texts.text("form.error.business.long", locale, FormValues.MAX_BUSINESS));
      return Optional.empty();
    }
    List<String> found = workspaces.find(choices.businessColumn(), typed, 2);
    if (found.size() == 1) {
      return Optional.of(found.getFirst());
    }
    errors.put(
        "business",
        texts.text(
            found.isEmpty() ? "form.error.business.unknown" : "form.error.business.ambiguous",
            locale));
    return Optional.empty();
  }

  private void identifier(
      String field,
      IdentityKind kind,
      String typed,
      Set<IdentityKind> accepted,
      Optional<Scope> scope,
      List<Identity> identities,
      Map<String, String> errors,
      Locale locale) {
    if (typed.isEmpty()) {
      return;
    }
    boolean wellFormed =
        typed.length() <= FormValues.MAX_IDENTIFIER
            && switch (kind) {
              case TELEGRAM -> TELEGRAM.matcher(typed).matches();
              case META_USER_ID -> META_ID.matcher(typed).matches();
              default -> true;
            };
    Identity identity = null;
    if (wellFormed) {
      try {
        identity = normalizer.normalize(kind, typed);
      } catch (IllegalArgumentException e) {
        wellFormed = false;
      }
    }
    if (!wellFormed) {
      errors.put(field, texts.text("form.error." + field + ".invalid", locale));
      return;
    }
    if (scope.isPresent() && !accepted.contains(kind)) {
      errors.put(
          field,
          texts.text(
              "form.error.identifier.unused", locale, names.scope(scope.get().name(), locale)));
      return;
    }
    identities.add(identity);
  }

  private static String fieldOf(Set<IdentityKind> accepted) {
    if (accepted.contains(IdentityKind.META_USER_ID)) {
      return "meta_user_id";
    }
    if (accepted.contains(IdentityKind.PHONE)) {
      return "phone";
    }
    return "telegram";
  }
}
