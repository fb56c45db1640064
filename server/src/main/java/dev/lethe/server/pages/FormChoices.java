package dev.lethe.server.pages;

import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.Scope;
import dev.lethe.core.datamap.ScopeRoot;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.plan.WorkspaceLookup;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the public request form offers, checked against the data map at start: the scope for a whole
 * account, the scopes for "only this data", the scope for one customer of a business (with the
 * column a business's name is looked up by), and the identifiers people can give.
 *
 * @param account the scope of "my whole account", not bound to a workspace
 * @param specific scopes offered as "only this data", not bound to a workspace
 * @param contact the scope of "my data as a customer of one business", bound to a workspace
 * @param businessColumn the workspace entity's column a typed business name is matched against
 * @param identifiers the identifiers besides the e-mail address that some offered scope finds
 *     people by: the fields the form shows
 */
public record FormChoices(
    boolean enabled,
    Optional<String> account,
    List<String> specific,
    Optional<String> contact,
    Optional<String> businessColumn,
    Set<IdentityKind> identifiers) {

  /** Identifiers a person knows and the form asks for, besides the e-mail address. */
  public static final List<IdentityKind> IDENTIFIERS =
      List.of(IdentityKind.PHONE, IdentityKind.TELEGRAM, IdentityKind.META_USER_ID);

  private static final Set<IdentityKind> PERSONAL =
      EnumSet.of(
          IdentityKind.EMAIL,
          IdentityKind.PHONE,
          IdentityKind.WA_ID,
          IdentityKind.TELEGRAM,
          IdentityKind.META_USER_ID);

  public FormChoices {
    specific = List.copyOf(specific);
    identifiers = identifiers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(identifiers));
  }

  /**
   * @throws IllegalStateException naming the property, when a configured scope or column does not
   *     fit the data map
   */
  public static FormChoices of(
      PagesProperties.RequestForm form, DataMap map, WorkspaceLookup workspaces) {
    Optional<String> account = choose(form.accountScope(), "account", map, false, "account-scope");
    Optional<String> contact =
        choose(form.contactScope(), "contact", map, true, "contact-scope")
            .filter(c -> form.contactScope().isPresent() || workspaces.entity().isPresent());
    if (contact.isPresent() && workspaces.entity().isEmpty()) {
      throw invalid("contact-scope", "the data map has no workspace entity to find a business in");
    }
    form.businessColumn()
        .ifPresent(
            column -> {
              try {
                workspaces.requireColumn(column);
              } catch (IllegalArgumentException e) {
                throw invalid("business-column", e.getMessage());
              }
            });
    List<String> specific = new ArrayList<>();
    if (form.specificScopes() != null) {
      for (String name : form.specificScopes()) {
        String scope = name.strip();
        if (scope.isEmpty()) {
          continue;
        }
        require(map, scope, false, "specific-scopes");
        if (accepted(map.scope(scope).orElseThrow()).isEmpty()) {
          throw invalid(
              "specific-scopes", "'" + scope + "' selects nobody by e-mail or identifier");
        }
        specific.add(scope);
      }
    } else {
      for (Scope scope : map.scopes().values()) {
        boolean other =
            !account.map(scope.name()::equals).orElse(false)
                && !contact.map(scope.name()::equals).orElse(false);
        if (other && !scope.tenantBound() && !accepted(scope).isEmpty()) {
          specific.add(scope.name());
        }
      }
    }
    boolean any = account.isPresent() || contact.isPresent() || !specific.isEmpty();
    Set<IdentityKind> identifiers = EnumSet.noneOf(IdentityKind.class);
    List<String> offered = new ArrayList<>(specific);
    account.ifPresent(offered::add);
    contact.ifPresent(offered::add);
    for (String name : offered) {
      identifiers.addAll(accepted(map.scope(name).orElseThrow()));
    }
    identifiers.retainAll(IDENTIFIERS);
    return new FormChoices(
        form.enabled() && any, account, specific, contact, form.businessColumn(), identifiers);
  }

  /** The identity kinds the form collects that {@code scope} finds people by. */
  public static Set<IdentityKind> accepted(Scope scope) {
    Set<IdentityKind> kinds = EnumSet.noneOf(IdentityKind.class);
    for (ScopeRoot root : scope.roots()) {
      kinds.addAll(root.identifiedBy());
    }
    if (kinds.contains(IdentityKind.WA_ID)) {
      kinds.add(IdentityKind.PHONE);
    }
    kinds.retainAll(PERSONAL);
    return kinds;
  }

  /** Every scope the form offers: the account, the specific ones, the business's customer. */
  public List<String> scopes() {
    List<String> all = new ArrayList<>();
    account.ifPresent(all::add);
    all.addAll(specific);
    contact.ifPresent(all::add);
    return all;
  }

  private static Optional<String> choose(
      Optional<String> configured,
      String fallback,
      DataMap map,
      boolean tenantBound,
      String property) {
    if (configured.isPresent()) {
      require(map, configured.get(), tenantBound, property);
      if (accepted(map.scope(configured.get()).orElseThrow()).isEmpty()) {
        throw invalid(
            property, "'" + configured.get() + "' selects nobody by e-mail or identifier");
      }
      return configured;
    }
    return map.scope(fallback)
        .filter(s -> s.tenantBound() == tenantBound && !accepted(s).isEmpty())
        .map(Scope::name);
  }

  private static void require(DataMap map, String name, boolean tenantBound, String property) {
    Scope scope =
        map.scope(name)
            .orElseThrow(
                () ->
                    invalid(
                        property,
                        "no scope '"
                            + name
                            + "' in the data map; it has "
                            + String.join(", ", map.scopes().keySet())));
    if (scope.tenantBound() != tenantBound) {
      throw invalid(
          property,
          "'"
              + name
              + "' "
              + (tenantBound
                  ? "must be bound to a workspace"
                  : "must not be bound to a workspace"));
    }
  }

  private static IllegalStateException invalid(String property, String why) {
    return new IllegalStateException("lethe.pages.request-form." + property + ": " + why);
  }
}
