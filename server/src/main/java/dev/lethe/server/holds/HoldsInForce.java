package dev.lethe.server.holds;

import dev.lethe.core.hold.Holds;
import dev.lethe.core.hold.LegalHold;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** The legal holds in force now, read anew each time the engine needs them. */
@Component
public class HoldsInForce implements Supplier<List<LegalHold>> {

  private final Holds holds;

  HoldsInForce(Holds holds) {
    this.holds = holds;
  }

  @Override
  public List<LegalHold> get() {
    return holds.inForce();
  }
}
