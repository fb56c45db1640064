package dev.lethe.core.request;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where to write to the person about their request, and in which language (a BCP 47 tag such as
 * {@code en} or {@code id}). Kept sealed while mail about the request is still to be sent, then
 * deleted. {@link #toString()} does not show the address.
 */
public record Contact(String address, String language) {

  /** What is wrong with an address that is not an e-mail address. */
  public static final String NOT_AN_ADDRESS = "the contact address must be an e-mail address";

  private static final Pattern ADDRESS =
      Pattern.compile(
          "[^\\s@<>()\\[\\],;:\"]{1,64}@[^\\s@<>()\\[\\],;:\"]+\\.[^\\s@<>()\\[\\],;:\"]+");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}");

  public Contact {
    Objects.requireNonNull(address, "address");
    address = address.strip();
    if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
      throw new InvalidRequestException(NOT_AN_ADDRESS);
    }
    language = language == null || language.isBlank() ? "en" : language.strip();
    if (!LANGUAGE.matcher(language).matches()) {
      throw new InvalidRequestException(
          "the language must be a BCP 47 tag such as en or id (got an invalid tag)");
    }
    language = language.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "Contact[address=<redacted>, language=" + language + "]";
  }
}
