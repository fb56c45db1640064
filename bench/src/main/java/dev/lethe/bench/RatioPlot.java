package dev.lethe.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An SVG bar chart of how many times faster Lethe was than each baseline (log scale; the line at 1
 * is parity). For timed scenarios that is baseline time / Lethe time, for throughputs Lethe's rate
 * / the baseline's rate.
 */
public final class RatioPlot {

  private static final int LABEL_WIDTH = 420;
  private static final int PLOT_WIDTH = 420;
  private static final int ROW = 22;
  private static final int TOP = 48;
  private static final double MIN_LOG = -1; // 0.1×
  private static final double MAX_LOG = 4; // 10,000×

  private RatioPlot() {}

  record Bar(String label, double speedup) {}

  static List<Bar> bars(List<ScenarioResult> results) {
    List<Bar> bars = new ArrayList<>();
    for (ScenarioResult result : results) {
      result
          .lethe()
          .ifPresent(
              lethe -> {
                for (ContestantResult baseline : result.baselines()) {
                  double ratio = result.ratio(lethe, baseline);
                  double speedup = result.timed() ? 1 / Math.max(ratio, 1e-9) : ratio;
                  bars.add(
                      new Bar(
                          result.scenario()
                              + " · "
                              + result.database()
                              + " · "
                              + result.size()
                              + " — vs "
                              + baseline.name(),
                          speedup));
                }
              });
    }
    return bars;
  }

  public static String svg(List<ScenarioResult> results) {
    List<Bar> bars = bars(results);
    int height = TOP + bars.size() * ROW + 40;
    int width = LABEL_WIDTH + PLOT_WIDTH + 90;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n",
            width,
            height));
    svg.append(
        String.format(
            Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
    svg.append(
        "<text x=\"8\" y=\"20\" font-size=\"14\" font-weight=\"bold\">How many times faster"
            + " Lethe was than each baseline (log scale; 1× = parity)</text>\n");
    for (int power = (int) MIN_LOG; power <= MAX_LOG; power++) {
      double x = x(Math.pow(10, power));
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>%n"
                  + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s×</text>%n",
              x,
              TOP - 8,
              x,
              TOP + bars.size() * ROW,
              power == 0 ? "#000" : "#ddd",
              x,
              TOP + bars.size() * ROW + 16,
              power < 0 ? "0.1" : String.format(Locale.ROOT, "%,d", (long) Math.pow(10, power))));
    }
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int y = TOP + i * ROW;
      double end = x(bar.speedup());
      double start = x(1);
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n"
                  + "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n"
                  + "<text x=\"%.1f\" y=\"%d\">%s×</text>%n",
              LABEL_WIDTH - 8,
              y + 14,
              escape(bar.label()),
              Math.min(start, end),
              y + 3,
              Math.abs(end - start),
              ROW - 6,
              bar.speedup() >= 1 ? "#2e7d32" : "#c62828",
              Math.max(start, end) + 4,
              y + 14,
              String.format(Locale.ROOT, bar.speedup() >= 10 ? "%,.0f" : "%.2f", bar.speedup())));
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static double x(double value) {
    double log = Math.log10(Math.max(value, 1e-9));
    double clamped = Math.max(MIN_LOG, Math.min(MAX_LOG, log));
    return LABEL_WIDTH + (clamped - MIN_LOG) / (MAX_LOG - MIN_LOG) * PLOT_WIDTH;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
