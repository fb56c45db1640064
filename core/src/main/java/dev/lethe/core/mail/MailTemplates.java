package dev.lethe.core.mail;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mustache templates on the classpath, three per message kind and language: {@code
 * lethe/mail/<language>/<kind>.subject.mustache}, {@code .txt.mustache} and {@code .html.mustache}.
 * Only the HTML part is HTML-escaped; a missing variable fails instead of rendering blank.
 */
final class MailTemplates {
  static final String FALLBACK = "en";
  private static final String ROOT = "lethe/mail/";

  private final ClassLoader loader;
  private final Mustache.Compiler plain = Mustache.compiler().escapeHTML(false);
  private final Mustache.Compiler html = Mustache.compiler().escapeHTML(true);
  private final Map<String, Template> compiled = new ConcurrentHashMap<>();

  MailTemplates(ClassLoader loader) {
    this.loader = loader;
  }

  /**
   * The language the mail will be written in: the tag's language if it has templates, else English.
   */
  String resolve(String kind, String languageTag) {
    if (languageTag == null || languageTag.isBlank()) {
      return FALLBACK;
    }
    String language = Locale.forLanguageTag(languageTag.strip()).getLanguage();
    boolean present =
        !language.isEmpty() && loader.getResource(path(language, kind, "subject")) != null;
    return present ? language : FALLBACK;
  }

  Template subject(String language, String kind) {
    return template(plain, path(language, kind, "subject"));
  }

  Template text(String language, String kind) {
    return template(plain, path(language, kind, "txt"));
  }

  Template html(String language, String kind) {
    return template(html, path(language, kind, "html"));
  }

  private Template template(Mustache.Compiler compiler, String path) {
    return compiled.computeIfAbsent(path, p -> compile(compiler, p));
  }

  private Template compile(Mustache.Compiler compiler, String path) {
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("mail template missing: " + path);
      }
      return compiler.compile(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("mail template unreadable: " + path, e);
    }
  }

  private static String path(String language, String kind, String part) {
    return ROOT + language + "/" + kind + "." + part + ".mustache";
  }
}
