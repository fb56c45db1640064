package dev.lethe.server.console.retention;

import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.RetentionRule;
import dev.lethe.core.desk.Desk;
import dev.lethe.core.ledger.Ledger;
import dev.lethe.core.ledger.LedgerEntry;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.server.console.ledger.LedgerRow;
import dev.lethe.server.execution.RetentionSchedule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The data map's retention rules, each with the sweep's next run and what its last run did (from
 * the sweep's entry in the ledger), and "run now", which moves the scheduled sweep to this moment.
 */
@Controller
class RetentionPageController {

  /** A rule as listed, with its last sweep when there was one. */
  public record Row(
      String name,
      String entity,
      String column,
      String maxAge,
      String action,
      double pauseRatio,
      int batch,
      long maxRowsPerSecond,
      Optional<Instant> lastRun,
      long deleted,
      long anonymized) {

    /** The rule's pause after each page, as a multiple of the page's time ("1×"); "" at 0. */
    public String pause() {
      return pauseRatio == 0
          ? ""
          : BigDecimal.valueOf(pauseRatio).stripTrailingZeros().toPlainString() + "×";
    }

    static Row of(RetentionRule rule, Optional<LedgerEntry> last) {
      Map<Outcome, Long> counts = last.map(e -> counts(e.body())).orElse(Map.of());
      return new Row(
          rule.name(),
          rule.entity(),
          rule.column(),
          rule.maxAge().toString(),
          rule.action().name().toLowerCase(Locale.ROOT),
          rule.pauseRatio(),
          rule.batch(),
          rule.maxRowsPerSecond(),
          last.map(LedgerEntry::recordedAt),
          counts.getOrDefault(Outcome.DELETED, 0L),
          counts.getOrDefault(Outcome.ANONYMIZED, 0L));
    }
  }

  /** The sweep's counts, or none when its entry cannot be read (the ledger's check says why). */
  private static Map<Outcome, Long> counts(String body) {
    try {
      return LedgerRow.retentionCounts(body);
    } catch (RuntimeException e) {
      return Map.of();
    }
  }

  private final Lethe lethe;
  private final Ledger ledger;
  private final RetentionSchedule schedule;

  RetentionPageController(Lethe lethe, Ledger ledger, RetentionSchedule schedule) {
    this.lethe = lethe;
    this.ledger = ledger;
    this.schedule = schedule;
  }

  @GetMapping("/admin/retention")
  String list(Model model) {
    fill(model);
    return "admin/retention";
  }

  @PostMapping("/admin/retention/run")
  ModelAndView runNow(Model model, RedirectAttributes redirect) {
    RetentionSchedule.RunNow outcome = schedule.runNow();
    if (outcome == RetentionSchedule.RunNow.QUEUED) {
      redirect.addFlashAttribute("done", "done.retentionQueued");
      return new ModelAndView("redirect:/admin/retention");
    }
    fill(model);
    model.addAttribute(
        "refused",
        outcome == RetentionSchedule.RunNow.SWITCHED_OFF ? "retention.off" : "retention.running");
    ModelAndView page = new ModelAndView("admin/retention", model.asMap());
    page.setStatus(HttpStatus.CONFLICT);
    return page;
  }

  private void fill(Model model) {
    List<Row> rows =
        lethe.dataMap().retention().stream()
            .map(rule -> Row.of(rule, ledger.latest(Desk.retentionReference(rule.name()))))
            .toList();
    model.addAttribute("rules", rows);
    model.addAttribute("enabled", schedule.enabled());
    model.addAttribute("schedule", schedule.schedule());
    model.addAttribute("next", schedule.next().orElse(null));
  }
}
