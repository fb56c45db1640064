package dev.lethe.bench;

import dev.lethe.platform.generator.PlatformGenerator.Sizes;
import java.util.Locale;

/**
 * How much data a benchmark generates. Workspaces are skewed (the first is the largest), so the
 * first workspace holds about a third of the messages at {@code medium} and {@code large}.
 */
public enum BenchSize {
  /** For the module's own tests: 3 workspaces, 60 contacts, 2,000 messages. */
  TINY(new Sizes(3, 60, 2_000)),
  /** Seconds: 4 workspaces, 2,000 contacts, 40,000 messages. */
  SMALL(new Sizes(4, 2_000, 40_000)),
  /** Minutes: 10 workspaces, 100,000 contacts, 3,200,000 messages (about 1M in workspace 1). */
  MEDIUM(new Sizes(10, 100_000, 3_200_000)),
  /** 100 workspaces, 500,000 contacts, 10,000,000 messages. */
  LARGE(new Sizes(100, 500_000, 10_000_000));

  private final Sizes platform;

  BenchSize(Sizes platform) {
    this.platform = platform;
  }

  /** What the reference platform's generator fills. */
  public Sizes platform() {
    return platform;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
