package dev.lethe.core.engine;

import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.execute.ExecutionOptions;
import dev.lethe.core.files.FileStore;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.plan.ErasureRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Lethe on a small test schema, and the request of the subject its map's scope names. */
final class Engines {

  private Engines() {}

  /** Lethe over {@code dataSource} with the map {@code yaml} and default batches. */
  static Lethe open(DataSource dataSource, String name, String yaml, FileStore files) {
    return Lethe.open(
        new Lethe.Config(
            dataSource,
            DataMapLoader.load(name, yaml),
            files,
            Clock.systemUTC(),
            Optional.of(new byte[16]),
            ExecutionOptions.defaults()));
  }

  /** The erasure of scope {@code subject} for the person with e-mail address {@code email}. */
  static ErasureRequest subject(Lethe lethe, String email) {
    return ErasureRequest.of(
        "subject", List.of(lethe.normalizer().normalize(IdentityKind.EMAIL, email)));
  }
}
