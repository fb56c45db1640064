package dev.lethe.server.console;

import dev.lethe.server.api.InvalidFieldsException;
import dev.lethe.server.api.InvalidValueException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The messages shown next to the console's form fields, in the page's language (the locale the
 * request was resolved to: {@code ?lang=}, its cookie, or {@code Accept-Language}). Keys are in
 * {@code messages/admin*.properties}; a check's message without a key stays as the check wrote it.
 */
@Component
public class ConsoleTexts {

  private final MessageSource messages;

  ConsoleTexts(MessageSource messages) {
    this.messages = messages;
  }

  /** The text of {@code code} with its arguments. */
  public String text(String code, Object... args) {
    return messages.getMessage(code, args.length == 0 ? null : args, locale());
  }

  /** The text of {@code code}, or {@code english} when the page's language has no such key. */
  public String textOr(String english, String code, Object... args) {
    return messages.getMessage(code, args.length == 0 ? null : args, english, locale());
  }

  /** What the REST API's form check said about a field, in the page's language when it can. */
  public String of(InvalidFieldsException.FieldError error) {
    return error.code() == null
        ? error.message()
        : textOr(error.message(), error.code(), error.args().toArray());
  }

  /** A failed check's message, in the page's language when it names its key. */
  public String of(IllegalArgumentException e) {
    return e instanceof InvalidValueException coded
        ? textOr(coded.getMessage(), coded.code(), coded.args().toArray())
        : e.getMessage();
  }

  private static Locale locale() {
    return LocaleContextHolder.getLocale();
  }
}
