package dev.lethe.server.console.overview;

import dev.lethe.core.ledger.Ledger;
import dev.lethe.core.ledger.LedgerEntry;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.receipt.ReceiptJson;
import dev.lethe.core.request.RequestFilter;
import dev.lethe.core.request.RequestState;
import dev.lethe.core.request.RequestStore;
import dev.lethe.server.console.Operator;
import dev.lethe.server.console.requests.RequestRow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard: open requests by state, how many are due soon and overdue, and two charts over the
 * last two weeks — requests received, and rows deleted (from the receipts in the ledger). A
 * workspace admin's dashboard counts its own workspaces only, and no retention sweeps.
 */
@Controller
class DashboardController {

  static final int DAYS = 14;

  /** Ledger entries read back at most for the chart of rows deleted. */
  static final int MAX_ENTRIES = 5_000;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final RequestStore store;
  private final Ledger ledger;
  private final Clock clock;

  DashboardController(RequestStore store, Ledger ledger, Clock clock) {
    this.store = store;
    this.ledger = ledger;
    this.clock = clock;
  }

  @GetMapping({"/admin", "/admin/"})
  String dashboard(Operator me, Model model) {
    Instant now = clock.instant();
    RequestFilter mine =
        me.workspaceAdmin()
            ? RequestFilter.all().inWorkspaces(me.workspaces())
            : RequestFilter.all();
    Map<String, Long> open = new LinkedHashMap<>();
    for (RequestState state : RequestState.openStates()) {
      open.put(state.code(), store.count(mine.inStates(Set.of(state))));
    }
    long overdue = store.count(mine.overdueAt(now));
    long dueSoon = store.count(mine.overdueAt(now.plus(RequestRow.DUE_SOON))) - overdue;
    model.addAttribute("open", open);
    model.addAttribute("openTotal", open.values().stream().mapToLong(Long::longValue).sum());
    model.addAttribute("overdue", overdue);
    model.addAttribute("dueSoon", dueSoon);

    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<String> labels = new ArrayList<>();
    List<Long> received = new ArrayList<>();
    for (int i = DAYS - 1; i >= 0; i--) {
      LocalDate day = today.minusDays(i);
      labels.add(day.toString().substring(5));
      received.add(
          store.count(
              mine.receivedBetween(
                  day.atStartOfDay().toInstant(ZoneOffset.UTC),
                  day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))));
    }
    model.addAttribute("receivedChart", BarChart.of(labels, received));
    model.addAttribute("deletedChart", BarChart.of(labels, deletedPerDay(me, today)));
    return "admin/dashboard";
  }

  /** Rows deleted per day, erasures and (for staff) retention sweeps, newest entries first. */
  private List<Long> deletedPerDay(Operator me, LocalDate today) {
    long[] perDay = new long[DAYS];
    LocalDate first = today.minusDays(DAYS - 1);
    long seq = ledger.head().seq();
    for (int read = 0; seq > 0 && read < MAX_ENTRIES; read++, seq--) {
      Optional<LedgerEntry> entry = ledger.find(seq);
      if (entry.isEmpty()) {
        continue;
      }
      LocalDate day = LocalDate.ofInstant(entry.get().recordedAt(), ZoneOffset.UTC);
      if (day.isBefore(first)) {
        break;
      }
      int index = (int) (day.toEpochDay() - first.toEpochDay());
      if (index >= 0 && index < DAYS) {
        perDay[index] += deleted(me, entry.get());
      }
    }
    List<Long> out = new ArrayList<>();
    for (long n : perDay) {
      out.add(n);
    }
    return out;
  }

  private static long deleted(Operator me, LedgerEntry entry) {
    if (entry.type().equals("erasure-receipt")) {
      Receipt receipt = ReceiptJson.read(entry.body());
      if (!me.reaches(Optional.ofNullable(receipt.workspace()))) {
        return 0;
      }
      return receipt.total(Outcome.DELETED) + receipt.total(Outcome.DETACHED);
    }
    if (entry.type().equals("retention-sweep") && !me.workspaceAdmin()) {
      long sum = 0;
      for (JsonNode perEntity : JSON.readTree(entry.body()).path("counts")) {
        sum += perEntity.path("deleted").asLong(0) + perEntity.path("DELETED").asLong(0);
      }
      return sum;
    }
    return 0;
  }
}
