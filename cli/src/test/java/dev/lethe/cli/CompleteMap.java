package dev.lethe.cli;

import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.platform.ReferencePlatform;

/**
 * The reference map, with the free-text column {@code kb_chunks.content} listed as personal when
 * the map does not list it yet, so the coverage scan has nothing to report.
 */
final class CompleteMap {

  private CompleteMap() {}

  static String text() {
    String map = ReferencePlatform.dataMapText();
    boolean covered =
        DataMapLoader.load("reference", map).entity("kb_chunks").personal().contains("content");
    return covered ? map : map.replace("  kb_chunks:\n", "  kb_chunks:\n    personal: [content]\n");
  }
}
