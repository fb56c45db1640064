package dev.lethe.cli;

import dev.lethe.platform.ReferencePlatform;

/**
 * The reference map with the one free-text column it does not list yet ({@code kb_chunks.content})
 * added, so the coverage scan has nothing to report.
 */
final class CompleteMap {

  private CompleteMap() {}

  static String text() {
    String map = ReferencePlatform.dataMapText();
    String chunks = "  kb_chunks:\n";
    if (map.contains(chunks + "    personal:")) {
      return map;
    }
    return map.replace(chunks, chunks + "    personal: [content]\n");
  }
}
