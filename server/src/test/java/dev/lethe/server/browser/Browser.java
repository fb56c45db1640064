package dev.lethe.server.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real browser for page tests: the system's headless Chromium (Debian's {@code chromium}), driven
 * by Playwright, which downloads no browser of its own. Without Chromium the test is skipped,
 * unless {@code CI=true}, where that is a failure.
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private final Playwright playwright;
  private final com.microsoft.playwright.Browser browser;

  private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  public static Browser open() {
    boolean present = Files.isExecutable(CHROMIUM);
    if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(
          CHROMIUM + " is missing: install Debian's chromium package (.ci/run does)");
    }
    assumeTrue(present, CHROMIUM + " is missing: browser tests skipped (apt-get install chromium)");
    Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    com.microsoft.playwright.Browser browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-quic",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run")));
    return new Browser(playwright, browser);
  }

  /** A fresh page with its own cookies, in the given language ({@code en}, {@code id}). */
  public Page page(String language) {
    BrowserContext context =
        browser.newContext(
            new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale(language)
                .setViewportSize(1280, 900));
    return context.newPage();
  }

  /** Saves a full-page screenshot. */
  public static void screenshot(Page page, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
  }

  /** Whether the focused element shows a focus outline a sighted keyboard user can see. */
  public static boolean focusVisible(Page page) {
    return (Boolean)
        page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
                + " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }");
  }

  /** The id of the focused element, or its tag name when it has none. */
  public static String focusedId(Page page) {
    return (String)
        page.evaluate(
            "() => document.activeElement.id || document.activeElement.tagName.toLowerCase()");
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
