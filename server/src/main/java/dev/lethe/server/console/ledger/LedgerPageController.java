package dev.lethe.server.console.ledger;

import dev.lethe.core.ledger.Anchor;
import dev.lethe.core.ledger.Ledger;
import dev.lethe.core.ledger.LedgerEntry;
import dev.lethe.core.ledger.Verification;
import dev.lethe.core.request.RequestStore;
import dev.lethe.server.console.ConsoleTexts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The ledger of receipts, newest first and paged by seq, and the walk of its hash chain (with an
 * anchor kept elsewhere, optionally) — the same check as {@code lethe ledger verify}. Reading and
 * verifying change nothing, so auditors may do both.
 */
@Controller
class LedgerPageController {

  static final int PAGE = 50;

  private final Ledger ledger;
  private final RequestStore store;
  private final ConsoleTexts texts;

  LedgerPageController(Ledger ledger, RequestStore store, ConsoleTexts texts) {
    this.ledger = ledger;
    this.store = store;
    this.texts = texts;
  }

  @GetMapping("/admin/ledger")
  String list(@RequestParam(required = false) Long from, Model model) {
    fill(model, from, "", Map.of());
    return "admin/ledger";
  }

  @PostMapping("/admin/ledger/verification")
  ModelAndView verify(
      @RequestParam(required = false) String anchor,
      @RequestParam(required = false) Long from,
      Model model) {
    String given = anchor == null ? "" : anchor.strip();
    Optional<Anchor> kept;
    try {
      kept = given.isEmpty() ? Optional.empty() : Optional.of(Anchor.parse(given));
    } catch (IllegalArgumentException e) {
      // the anchor's own message says what is wrong in English; other languages say it generally
      fill(
          model,
          from,
          given,
          Map.of("anchor", texts.textOr(e.getMessage() + ", as seq:hash", "check.anchor")));
      ModelAndView page = new ModelAndView("admin/ledger", model.asMap());
      page.setStatus(HttpStatus.BAD_REQUEST);
      return page;
    }
    Verification verification = kept.map(ledger::verify).orElseGet(ledger::verify);
    model.addAttribute("verification", verification);
    model.addAttribute("anchored", kept.isPresent());
    fill(model, from, given, Map.of());
    return new ModelAndView("admin/ledger", model.asMap());
  }

  private void fill(Model model, Long from, String anchor, Map<String, String> errors) {
    long head = ledger.head().seq();
    long start = from == null || from > head || from < 1 ? head : from;
    List<LedgerEntry> entries = start < 1 ? List.of() : ledger.newestFrom(start, PAGE);
    model.addAttribute("rows", entries.stream().map(e -> LedgerRow.of(e, store::find)).toList());
    model.addAttribute("head", ledger.head());
    model.addAttribute("from", start);
    model.addAttribute("newer", start < head ? Math.min(head, start + PAGE) : null);
    long last = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
    model.addAttribute("older", last > 1 ? last - 1 : null);
    model.addAttribute("anchor", anchor);
    model.addAttribute("errors", errors);
  }
}
