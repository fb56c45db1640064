package dev.lethe.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.lethe.server.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The status page in a real browser: an unknown code is said to be unknown, never deleted. */
@ExtendWith(ThreadsOnFailure.class)
class StatusPageBrowserTest {

  static RunningServer server;
  static Browser browser;

  @BeforeAll
  static void start() {
    browser = Browser.open();
    server = RunningServer.demo();
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
  void an_unknown_code_shows_an_unknown_code_page() {
    Page page = browser.page("en");

    Response response =
        page.navigate(server.base() + "/data-deletion/status?id=0123456789ABCDEFGHJKMNPQ");

    assertThat(response.status()).isEqualTo(404);
    assertThat(page.locator("h1").textContent()).containsIgnoringCase("unknown");
    assertThat(page.content()).doesNotContainIgnoringCase("deleted");
  }
}
