package dev.lethe.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.lethe.core.mail.CapturingMailer;
import dev.lethe.core.mail.OutgoingMail;
import dev.lethe.server.RunningServer;
import dev.lethe.server.Sql;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public pages in a real browser: a request sent through the form, confirmed from the mailed
 * link and followed to completion; every refusal said next to its field; the instructions written
 * from the data map and the configuration; keyboard use; both languages. Screenshots of the main
 * pages go to {@code target/screenshots/}.
 */
@ExtendWith(ThreadsOnFailure.class)
class PublicPagesBrowserTest {

  static final Path SHOTS = Path.of("target", "screenshots");
  static final Duration FILL_TIME = Duration.ofMillis(1500);

  static RunningServer server;
  static Browser browser;

  @BeforeAll
  static void start() {
    browser = Browser.open();
    server =
        RunningServer.demo(
            "--lethe.pages.product-name=Kirim CRM",
            "--lethe.pages.organization=PT Kirim Pesan Nusantara",
            "--lethe.pages.contact-email=privacy@kirim.example",
            "--lethe.pages.request-form.business-column=name",
            "--lethe.pages.request-form.min-fill-time=" + FILL_TIME.toMillis() + "ms",
            "--lethe.pages.request-form.per-address=1000",
            "--lethe.pages.request-form.per-email=1000",
            "--lethe.pages.sub-processors[0].name=Amazon Web Services",
            "--lethe.pages.sub-processors[0].purpose.en=cloud hosting",
            "--lethe.pages.sub-processors[0].purpose.id=hosting cloud",
            "--lethe.pages.blocks[0].title.en=About this page",
            "--lethe.pages.blocks[0].title.id=Tentang halaman ini",
            "--lethe.pages.blocks[0].body.en=Kirim CRM is run from Jakarta.",
            "--lethe.pages.blocks[0].body.id=Kirim CRM dijalankan dari Jakarta.",
            "--lethe.pages.blocks[0].after=top",
            "--lethe.pages.entities.customer_memories.name.en=What our assistant remembers",
            "--lethe.requests.acknowledge-within=2 business days",
            "--lethe.requests.by-source.web_form.acknowledge-within=24 hours",
            "--lethe.requests.by-source.web_form.complete-within=14 days");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void a_request_sent_through_the_form_is_confirmed_by_mail_and_followed_to_completion() {
    Customer customer = customer(0);
    Page page = browser.page("en");
    page.navigate(server.base() + "/data-deletion");
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.LINK,
            new Page.GetByRoleOptions().setName("Open the request form"))
        .click();
    assertThat(page.locator("h1").textContent()).isEqualTo("Ask us to delete your data");

    page.locator("#email").fill(customer.email());
    page.locator("#name").fill("Dewi Lestari");
    page.locator("#what-contact").check();
    page.locator("#business").fill(customer.business());
    page.locator("#jurisdiction").selectOption("ID");
    page.locator("#statement").check();
    Browser.screenshot(page, SHOTS.resolve("request-form.png"));
    waitForFillTime(page);
    page.locator("#submit").click();

    assertThat(page.url()).contains("/data-deletion/request/sent?ref=");
    assertThat(page.locator("h1").textContent()).isEqualTo("Check your e-mail");
    Browser.screenshot(page, SHOTS.resolve("request-sent.png"));
    OutgoingMail verification = mail(customer.email(), "verification");
    assertThat(mail(customer.email(), "acknowledgement").text()).contains("Confirmation code");

    page.navigate(linkIn(verification.text()));
    assertThat(page.locator("h1").textContent()).isEqualTo("Confirm your deletion request");
    page.locator("button.primary").click();
    assertThat(page.locator("h1").textContent()).isEqualTo("Deletion request confirmed");
    String code = page.locator("code.code").textContent();
    Browser.screenshot(page, SHOTS.resolve("verified.png"));

    page.locator("a.button").click();
    assertThat(page.url()).contains("/data-deletion/status?id=" + code);
    awaitState(page, "completed");

    assertThat(page.locator("h2#deleted-title").textContent()).isEqualTo("What was deleted");
    assertThat(page.locator("th[data-entity=contacts]").textContent()).isEqualTo("Contacts");
    assertThat(page.locator("th[data-entity=messages]").count()).isOne();
    assertThat(page.locator("ol.timeline li").allTextContents())
        .anySatisfy(s -> assertThat(s).contains("Request received"))
        .anySatisfy(s -> assertThat(s).contains("Confirmed"))
        .anySatisfy(s -> assertThat(s).contains("Completed"));
    assertThat(page.content())
        .doesNotContain(customer.email())
        .doesNotContain("Dewi")
        .doesNotContain("subject");
    Browser.screenshot(page, SHOTS.resolve("status-completed.png"));
    page.locator(".switch button").click();
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("id");
    assertThat(page.locator("[data-state=completed]").textContent()).isEqualTo("Selesai");
    assertThat(page.locator("h2#deleted-title").textContent()).isEqualTo("Apa yang dihapus");
    Browser.screenshot(page, SHOTS.resolve("status-completed-id.png"));

    assertThat(
            Sql.count(
                server.host(),
                "SELECT COUNT(*) FROM contacts c JOIN workspaces w ON w.id = c.workspace_id"
                    + " WHERE w.name = ? AND c.email = ?",
                customer.business(),
                customer.email()))
        .isZero();
    assertThat(Sql.count(server.state(), "SELECT COUNT(*) FROM lethe_request_contacts")).isZero();
  }

  @Test
  void every_field_of_the_form_says_what_is_wrong_next_to_it() {
    Page page = browser.page("en");
    page.navigate(server.base() + "/data-deletion/request");
    page.locator("#email").fill("not an address");
    page.locator("#what-contact").check();
    page.locator("#business").fill("No Such Business Ltd");
    page.locator("#phone").fill("call me maybe");
    waitForFillTime(page);
    page.locator("#submit").click();

    assertError(page, "email", "Enter an e-mail address such as name@example.com.");
    assertError(page, "business", "We do not know a business by this name.");
    assertError(page, "phone", "Enter a phone number with its country code");
    assertError(page, "statement", "Confirm that you are the person the data is about");
    assertThat(page.locator(".error-summary li").count()).isEqualTo(4);
    assertThat(page.locator("#email").inputValue()).isEqualTo("not an address");
    assertThat(page.locator("#business").inputValue()).isEqualTo("No Such Business Ltd");
    Browser.screenshot(page, SHOTS.resolve("request-form-errors.png"));

    page.locator("#email").fill("");
    page.locator("#statement").check();
    page.locator("#submit").click();
    assertError(page, "email", "Enter your e-mail address.");
    assertThat(page.locator("#statement-error").count()).isZero();
    assertThat(page.locator("#statement").isChecked()).isTrue();
  }

  @Test
  void the_bot_check_refuses_a_form_sent_too_fast_or_with_its_trap_filled() {
    Customer customer = customer(1);
    Page page = browser.page("en");
    page.navigate(server.base() + "/data-deletion/request");
    // filled and sent by one script right after the page arrives: well inside the minimum however
    // slow the machine makes each step the browser is driven through
    page.waitForNavigation(
        () ->
            page.evaluate(
                "email => { document.getElementById('email').value = email;"
                    + " document.getElementById('statement').checked = true;"
                    + " document.getElementById('submit').click(); }",
                customer.email()));

    assertError(page, "submit", "That was faster than a person fills in this form.");
    assertThat(page.locator("#email").inputValue()).isEqualTo(customer.email());

    page.evaluate("document.getElementById('website').value = 'https://spam.example'");
    waitForFillTime(page);
    page.locator("#submit").click();
    assertError(page, "submit", "a field meant to stay empty was filled in");
    assertThat(mails(customer.email())).isEmpty();
  }

  @Test
  void the_instructions_list_what_the_data_map_deletes_and_keeps_and_the_configured_promises() {
    Page page = browser.page("en");
    page.navigate(server.base() + "/data-deletion");

    assertThat(page.locator("h1").textContent()).isEqualTo("Data deletion instructions");
    assertThat(page.locator("#scope-account").textContent())
        .contains("My whole account", "Messages", "Attachments", "Channel integrations")
        .contains("What our assistant remembers");
    assertThat(page.locator("#scope-contact").textContent()).contains("Conversations", "Orders");
    Locator invoices =
        page.locator("#kept tbody tr").filter(new Locator.FilterOptions().setHasText("Invoices"));
    assertThat(invoices.textContent())
        .contains("Tax law: invoices are kept for 7 years")
        .contains("7 years")
        .contains("customer name", "tax ID");
    assertThat(page.locator("#kept").textContent())
        .contains("Messages older than 13 months are deleted automatically.")
        .contains("Audit logs");
    Locator form =
        page.locator("#timelines tbody tr")
            .filter(new Locator.FilterOptions().setHasText("Our request form"));
    assertThat(form.textContent()).contains("24 hours", "14 calendar days");
    Locator email =
        page.locator("#timelines tbody tr")
            .filter(new Locator.FilterOptions().setHasText("By e-mail"));
    assertThat(email.textContent()).contains("2 business days", "30 calendar days");
    assertThat(page.locator("#timelines").textContent()).contains("GDPR", "1 month");
    assertThat(page.locator("#backups").textContent()).contains("30 days");
    assertThat(page.locator("#sub-processors").textContent())
        .contains("Amazon Web Services — cloud hosting");
    assertThat(page.locator("section.operator").first().textContent())
        .contains("Kirim CRM is run from Jakarta.");
    assertThat(page.locator("#ways").textContent())
        .contains("privacy@kirim.example", "Apps and websites", "Kirim CRM")
        .doesNotContain("Delete account” action");
    assertThat(page.locator("#meta-review").textContent())
        .contains(server.base() + "/api/data-deletion");
    Browser.screenshot(page, SHOTS.resolve("instructions.png"));

    Page indonesian = browser.page("id");
    indonesian.navigate(server.base() + "/data-deletion");
    assertThat(indonesian.locator("html").getAttribute("lang")).isEqualTo("id");
    assertThat(indonesian.locator("h1").textContent()).isEqualTo("Petunjuk penghapusan data");
    assertThat(indonesian.locator("#kept").textContent())
        .contains("Pesan yang lebih lama dari 13 bulan dihapus secara otomatis.", "7 tahun");
    assertThat(indonesian.locator("#sub-processors").textContent()).contains("hosting cloud");
    Browser.screenshot(indonesian, SHOTS.resolve("instructions-id.png"));
  }

  @Test
  void pages_are_in_indonesian_by_accept_language_and_by_the_switch() {
    Page asked = browser.page("id");
    Response response = asked.navigate(server.base() + "/data-deletion/request");
    assertThat(response.status()).isEqualTo(200);
    assertThat(asked.locator("html").getAttribute("lang")).isEqualTo("id");
    assertThat(asked.locator("h1").textContent()).isEqualTo("Minta kami menghapus data Anda");
    assertThat(asked.locator("label[for=email]").textContent()).isEqualTo("Alamat e-mail Anda");
    assertThat(asked.locator("#language").inputValue()).isEqualTo("id");
    asked.locator("#submit").click();
    assertError(asked, "email", "Masukkan alamat e-mail Anda.");
    Browser.screenshot(asked, SHOTS.resolve("request-form-errors-id.png"));

    Page switched = browser.page("en");
    switched.navigate(server.base() + "/data-deletion/status?id=0123456789ABCDEFGHJKMNPQ");
    assertThat(switched.locator("html").getAttribute("lang")).isEqualTo("en");
    switched.locator(".switch button").click();
    assertThat(switched.url()).contains("id=0123456789ABCDEFGHJKMNPQ");
    assertThat(switched.locator("h1").textContent()).isEqualTo("Kode konfirmasi tidak dikenal");
    switched.navigate(server.base() + "/data-deletion/verify");
    assertThat(switched.locator("html").getAttribute("lang")).isEqualTo("id");
    assertThat(switched.locator("h1").textContent())
        .isEqualTo("Konfirmasi permintaan penghapusan Anda");
  }

  @Test
  void tab_reaches_every_control_in_order_with_focus_visible() {
    Page page = browser.page("en");
    for (String path :
        List.of(
            "/data-deletion",
            "/data-deletion/request",
            "/data-deletion/verify",
            "/data-deletion/status")) {
      page.navigate(server.base() + path);
      List<String> expected = tabbable(page);
      assertThat(expected).as(path).hasSizeGreaterThan(4);
      List<String> reached = new ArrayList<>();
      List<String> invisible = new ArrayList<>();
      for (int i = 0; i < expected.size(); i++) {
        page.keyboard().press("Tab");
        reached.add(describeFocused(page));
        if (!Browser.focusVisible(page)) {
          invisible.add(reached.getLast());
        }
      }
      assertThat(reached).as(path).containsExactlyElementsOf(expected);
      assertThat(invisible).as("focused without a visible outline on %s", path).isEmpty();
    }
  }

  @Test
  void the_language_switch_and_the_submit_work_from_the_keyboard() {
    Customer customer = customer(2);
    Page page = browser.page("en");
    page.navigate(server.base() + "/data-deletion/request");

    page.keyboard().press("Tab");
    page.keyboard().press("Tab");
    page.keyboard().press("Tab");
    assertThat(describeFocused(page)).isEqualTo("button:lang=id");
    page.keyboard().press("Space");
    page.waitForURL("**lang=id**");
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("id");
    page.keyboard().press("Tab");
    page.keyboard().press("Tab");
    page.keyboard().press("Tab");
    page.keyboard().press("Enter");
    page.waitForURL("**lang=en**");
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");

    page.keyboard().press("Tab");
    page.keyboard().press("Tab");
    page.keyboard().press("Tab");
    page.keyboard().press("Tab");
    assertThat(describeFocused(page)).isEqualTo("#email");
    page.keyboard().type(customer.email());
    page.keyboard().press("Tab");
    page.keyboard().press("Tab");
    assertThat(describeFocused(page)).isEqualTo("#what-account");
    page.keyboard().press("ArrowDown");
    page.keyboard().press("ArrowDown");
    assertThat(describeFocused(page)).isEqualTo("#what-contact");
    page.keyboard().press("Tab");
    assertThat(describeFocused(page)).isEqualTo("#business");
    page.keyboard().type(customer.business());
    while (!describeFocused(page).equals("#statement")) {
      page.keyboard().press("Tab");
    }
    page.keyboard().press("Space");
    page.keyboard().press("Tab");
    assertThat(describeFocused(page)).isEqualTo("#submit");
    waitForFillTime(page);
    page.keyboard().press("Enter");
    page.waitForURL("**/data-deletion/request/sent**");

    String code = codeIn(mail(customer.email(), "verification").text());
    page.locator("#code").focus();
    page.keyboard().type(code);
    page.keyboard().press("Tab");
    page.keyboard().press("Space");
    page.waitForSelector("code.code");
    assertThat(page.locator("h1").textContent()).isEqualTo("Deletion request confirmed");
  }

  /** A contact with an e-mail address unique in a workspace whose name is unique. */
  record Customer(String business, String email) {}

  private static Customer customer(int index) {
    List<List<Object>> rows =
        Sql.values(
            server.host(),
            "SELECT w.name, c.email FROM contacts c JOIN workspaces w ON w.id = c.workspace_id"
                + " WHERE c.email IS NOT NULL AND w.name IN"
                + " (SELECT name FROM workspaces GROUP BY name HAVING COUNT(*) = 1)"
                + " GROUP BY w.name, c.email HAVING COUNT(*) = 1 ORDER BY w.name, c.email");
    List<Object> row = rows.get(index * 7 % rows.size());
    return new Customer((String) row.get(0), (String) row.get(1));
  }

  private static void waitForFillTime(Page page) {
    page.waitForTimeout(FILL_TIME.toMillis() + 200);
  }

  private static void awaitState(Page page, String state) {
    Instant until = Instant.now().plus(Duration.ofMinutes(1));
    while (page.locator("[data-state=" + state + "]").count() == 0) {
      assertThat(Instant.now()).as("state %s reached in time", state).isBefore(until);
      page.waitForTimeout(500);
      page.reload();
    }
  }

  private static void assertError(Page page, String field, String message) {
    Locator error = page.locator("#" + field + "-error");
    assertThat(error.textContent()).contains(message);
    assertThat(page.locator("#" + field).getAttribute("aria-describedby"))
        .contains(field + "-error");
  }

  private static List<OutgoingMail> mails(String to) {
    return server.bean(CapturingMailer.class).captured().stream()
        .map(CapturingMailer.CapturedMail::mail)
        .filter(m -> m.to().equals(to))
        .toList();
  }

  private static OutgoingMail mail(String to, String kind) {
    Instant until = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      var found = mails(to).stream().filter(m -> m.kind().equals(kind)).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      assertThat(Instant.now()).as("a %s mail", kind).isBefore(until);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static String linkIn(String text) {
    Matcher m = Pattern.compile("(http\\S+/data-deletion/verify\\?token=\\S+)").matcher(text);
    assertThat(m.find()).as("a link in the mail").isTrue();
    return m.group(1);
  }

  private static String codeIn(String text) {
    Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(text);
    assertThat(m.find()).as("a code in the mail").isTrue();
    return m.group(1);
  }

  private static final String DESCRIBE =
      "el => el.id ? '#' + el.id"
          + " : el.tagName.toLowerCase() + (el.getAttribute('lang') ? ':lang=' + el.getAttribute('lang')"
          + " : ':' + (el.getAttribute('href') || el.textContent.trim().slice(0, 40)))";

  /** The controls a keyboard should reach, in document order: one stop per radio group. */
  @SuppressWarnings("unchecked")
  private static List<String> tabbable(Page page) {
    return (List<String>)
        page.evaluate(
            "() => { const describe = "
                + DESCRIBE
                + "; const seen = new Set(); return [...document.querySelectorAll("
                + "'a[href], button, input, select, textarea, summary, [tabindex]')]"
                + ".filter(el => el.tabIndex >= 0 && !el.disabled && el.type !== 'hidden'"
                + " && el.checkVisibility({visibilityProperty: true}))"
                + ".filter(el => { if (el.type !== 'radio') return true;"
                + " if (seen.has(el.name)) return false;"
                + " const checked = document.querySelector('input[type=radio][name=\"' + el.name + '\"]:checked');"
                + " if (checked && checked !== el) return false; seen.add(el.name); return true; })"
                + ".map(describe); }");
  }

  private static String describeFocused(Page page) {
    return (String) page.evaluate("() => (" + DESCRIBE + ")(document.activeElement)");
  }
}
