package dev.lethe.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which Lethe service to call and with which API key: {@code --url}/{@code LETHE_URL}, {@code
 * --api-key}/{@code LETHE_API_KEY}. The key is never printed, not even when it is malformed.
 */
final class ServiceOptions {

  static final String URL_VARIABLE = "LETHE_URL";
  static final String KEY_VARIABLE = "LETHE_API_KEY";

  @Option(
      names = "--url",
      paramLabel = "<url>",
      description = "The service's base URL, e.g. https://lethe.example.com (else $LETHE_URL).")
  String url;

  @Option(
      names = "--api-key",
      paramLabel = "<key>",
      description = "API key (else $LETHE_API_KEY, which keeps it out of shell history).")
  String apiKey;

  /** The base URL, without a trailing slash. */
  URI baseUrl(Map<String, String> env) {
    String text =
        Optional.ofNullable(url)
            .or(() -> variable(env, URL_VARIABLE))
            .orElseThrow(
                () ->
                    CommandFailure.badInput(
                        "the service's URL is required: --url or " + URL_VARIABLE))
            .strip();
    URI uri;
    try {
      uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    } catch (URISyntaxException e) {
      throw CommandFailure.badInput("--url: not a URL, e.g. https://lethe.example.com");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
      throw CommandFailure.badInput(
          "--url: an http or https URL is required, e.g. https://lethe.example.com");
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw CommandFailure.badInput(
          "--url: the service's base URL only, without credentials, query or fragment");
    }
    return uri;
  }

  String apiKey(Map<String, String> env) {
    String key =
        Optional.ofNullable(apiKey)
            .or(() -> variable(env, KEY_VARIABLE))
            .orElseThrow(
                () ->
                    CommandFailure.badInput(
                        "an API key is required: set "
                            + KEY_VARIABLE
                            + " (or pass --api-key, which shells keep in their history)"))
            .strip();
    if (key.isEmpty() || !key.chars().allMatch(c -> c > ' ' && c < 127)) {
      throw CommandFailure.badInput(
          "the API key holds spaces or characters an API key does not have; copy it again");
    }
    return key;
  }

  /** Plain http shows the key to every network in between; fine on this machine only. */
  static boolean exposesTheKey(URI url) {
    if (!url.getScheme().equalsIgnoreCase("http")) {
      return false;
    }
    String host = url.getHost().toLowerCase(Locale.ROOT);
    return !(host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("[::1]")
        || host.equals("::1"));
  }

  /** A URL as it may be shown: scheme, host, port and path only. */
  static String describe(URI url) {
    return url.getScheme()
        + "://"
        + url.getHost()
        + (url.getPort() < 0 ? "" : ":" + url.getPort())
        + (url.getRawPath() == null ? "" : url.getRawPath());
  }

  private static Optional<String> variable(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
  }
}
