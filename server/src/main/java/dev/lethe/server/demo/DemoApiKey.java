package dev.lethe.server.demo;

/** The demo's API key, printed by the banner; {@code generated} when no variable chose it. */
record DemoApiKey(String token, boolean generated) {
  @Override
  public String toString() {
    return "DemoApiKey[token=<redacted>]";
  }
}
