package dev.lethe.server.pages;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lethe.pages.*}: what the public pages say that the data map and the request settings do
 * not: the product's name, the contact address, names people understand for the map's entities and
 * scopes, sub-processors, the operator's own text blocks, and the request form's settings; see
 * docs/configuration.md.
 *
 * @param productName shown in every page's header and in the instructions
 * @param organization the company behind the product, shown with the contact address
 * @param contactEmail where people write about deletion; the e-mail door is offered only with it
 * @param zone the time zone dates are shown in; {@code lethe.requests.zone} when empty
 * @param selfService the product's own "Delete account" button, offered first when set
 * @param metaAppName the app's name as people see it in their Facebook settings; the product's name
 *     when empty
 * @param entities names and descriptions per data map entity (and, for retained ones, the legal
 *     basis in words), replacing the built-in ones
 * @param scopes names and descriptions per data map scope; {@code hidden} leaves a scope off the
 *     instructions
 * @param subProcessors companies that process personal data for the product
 * @param blocks the operator's own text, placed between the generated sections
 * @param requestForm the public request form
 */
@ConfigurationProperties("lethe.pages")
public record PagesProperties(
    @DefaultValue("Lethe") String productName,
    Optional<String> organization,
    Optional<String> contactEmail,
    Optional<String> zone,
    @DefaultValue SelfService selfService,
    Optional<String> metaAppName,
    @DefaultValue Map<String, Naming> entities,
    @DefaultValue Map<String, Naming> scopes,
    @DefaultValue List<SubProcessor> subProcessors,
    @DefaultValue List<Block> blocks,
    @DefaultValue RequestForm requestForm) {

  // Spring Boot binds an absent Optional as null: read it as empty.
  public PagesProperties {
    organization = blankAsEmpty(organization);
    contactEmail = blankAsEmpty(contactEmail);
    zone = blankAsEmpty(zone);
    metaAppName = blankAsEmpty(metaAppName);
  }

  static Optional<String> blankAsEmpty(Optional<String> value) {
    return value == null ? Optional.empty() : value.map(String::strip).filter(s -> !s.isEmpty());
  }

  /** A text in English ({@code en}) and Indonesian ({@code id}); either may be missing. */
  public record Text(String en, String id) {

    /** The text in the language asked for, else in the other one; empty when neither is set. */
    public Optional<String> in(Locale locale) {
      String wanted = "id".equals(locale.getLanguage()) ? id : en;
      String other = "id".equals(locale.getLanguage()) ? en : id;
      return present(wanted).or(() -> present(other));
    }

    private static Optional<String> present(String text) {
      return Optional.ofNullable(text).map(String::strip).filter(s -> !s.isEmpty());
    }
  }

  /**
   * What people read for an entity or a scope.
   *
   * @param basis for a legally retained entity: why it is kept, replacing the data map's {@code
   *     basis} on the pages
   * @param hidden for a scope: left off the instructions page
   */
  public record Naming(Text name, Text description, Text basis, boolean hidden) {}

  /**
   * The product's own way to delete an account.
   *
   * @param url where the button is (the settings page)
   * @param steps how to get there ("Settings → Account → Delete account")
   */
  public record SelfService(Optional<String> url, Text steps) {
    public SelfService {
      url = blankAsEmpty(url);
    }

    public boolean offered() {
      return url.isPresent() || (steps != null && steps.in(Locale.ENGLISH).isPresent());
    }
  }

  /** A company that processes personal data for the product, and for what. */
  public record SubProcessor(String name, Text purpose) {}

  /**
   * The operator's own text: a title and paragraphs (separated by blank lines), shown as plain
   * text.
   *
   * @param after the section it follows: {@code top}, {@code ways}, {@code deleted}, {@code kept},
   *     {@code timelines} or {@code end} (the default)
   */
  public record Block(Text title, Text body, @DefaultValue("end") String after) {}

  /**
   * The public request form.
   *
   * @param accountScope the scope "my whole account" requests ({@code account} when the map has it)
   * @param contactScope the scope "my data as a customer of a business" requests ({@code contact}
   *     when the map has it); it must be bound to a workspace
   * @param specificScopes the scopes offered as "only this data"; when not set, the map's scopes
   *     other than those two that are not bound to a workspace and select people by an identifier
   * @param businessColumn the column of the map's workspace entity a typed business name is matched
   *     against (case-insensitively); when empty, people type the workspace's id
   * @param minFillTime a form sent sooner after it was shown is refused: people take longer
   * @param maxFillTime a form shown longer ago is refused, to be shown again
   * @param perAddress forms one client address may send in {@code perAddressWindow}
   * @param perEmail requests one e-mail address may make in {@code perEmailWindow}
   */
  public record RequestForm(
      @DefaultValue("true") boolean enabled,
      Optional<String> accountScope,
      Optional<String> contactScope,
      List<String> specificScopes,
      Optional<String> businessColumn,
      @DefaultValue("3s") Duration minFillTime,
      @DefaultValue("2h") Duration maxFillTime,
      @DefaultValue("20") int perAddress,
      @DefaultValue("1h") Duration perAddressWindow,
      @DefaultValue("3") int perEmail,
      @DefaultValue("24h") Duration perEmailWindow) {

    public RequestForm {
      accountScope = blankAsEmpty(accountScope);
      contactScope = blankAsEmpty(contactScope);
      businessColumn = blankAsEmpty(businessColumn);
      if (minFillTime.isNegative() || maxFillTime.compareTo(minFillTime) <= 0) {
        throw new IllegalArgumentException(
            "lethe.pages.request-form: max-fill-time must be longer than min-fill-time");
      }
      if (perAddress < 1 || perEmail < 1) {
        throw new IllegalArgumentException(
            "lethe.pages.request-form: per-address and per-email must be at least 1");
      }
    }
  }
}
