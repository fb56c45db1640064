package dev.lethe.server.console.overview;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart laid out on the server, drawn by the page as SVG: one bar per day, scaled to the
 * largest value, each with its label and value (read out by screen readers from the chart's table).
 */
public record BarChart(List<Bar> bars, long max, int width, int height) {

  static final int WIDTH = 560;
  static final int HEIGHT = 200;
  static final int BASELINE = 180;

  /** One bar, positioned in the chart's viewBox. */
  public record Bar(String label, long value, int x, int y, int barWidth, int barHeight) {}

  static BarChart of(List<String> labels, List<Long> values) {
    long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
    int slot = WIDTH / Math.max(1, labels.size());
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      long value = values.get(i);
      int height = (int) Math.round((BASELINE - 20) * (double) value / max);
      bars.add(new Bar(labels.get(i), value, i * slot + 4, BASELINE - height, slot - 8, height));
    }
    return new BarChart(bars, max, WIDTH, HEIGHT);
  }
}
