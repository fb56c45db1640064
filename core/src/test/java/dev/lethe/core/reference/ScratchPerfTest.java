package dev.lethe.core.reference;

import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.files.LocalDirectoryFileStore;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.plan.ErasureRequest;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.receipt.ReceiptJson;
import dev.lethe.platform.ReferencePlatform;
import dev.lethe.platform.generator.PlatformGenerator;
import dev.lethe.platform.testing.TestDatabase;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ScratchPerfTest {
  @Test
  void scratch() throws Exception {
    Assumptions.assumeTrue(System.getenv("SCRATCH") != null);
    var kind = TestDatabase.Kind.valueOf(System.getenv("SCRATCH"));
    try (TestDatabase db = TestDatabase.create(kind)) {
      ReferencePlatform.createSchema(db.dataSource());
      var dir = Files.createTempDirectory("files");
      long t0 = System.nanoTime();
      var sizes = new PlatformGenerator.Sizes(20, 20_000, Long.parseLong(System.getenv().getOrDefault("MSGS", "300000")));
      new PlatformGenerator(sizes, 7, PlatformGenerator.REFERENCE_NOW).withFiles(dir).generate(db.dataSource());
      System.out.printf("generate: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      long ws;
      try (Connection c = db.dataSource().getConnection();
          ResultSet rs = c.createStatement().executeQuery("select workspace_id, count(*) n from messages group by workspace_id order by n desc")) {
        rs.next();
        ws = rs.getLong(1);
        System.out.printf("largest workspace %d has %d messages%n", ws, rs.getLong(2));
      }
      Lethe lethe = Lethe.open(db.dataSource(), DataMapLoader.load("ref", ReferencePlatform.dataMapText()), new LocalDirectoryFileStore(dir), Clock.systemUTC());
      t0 = System.nanoTime();
      var plan = lethe.plan(ErasureRequest.of("workspace", List.of(lethe.normalizer().normalize(IdentityKind.IDS, "" + ws))), List.of());
      System.out.printf("plan: %d ms%n%s", (System.nanoTime() - t0) / 1_000_000, plan.preview().toText());
      t0 = System.nanoTime();
      Receipt r = lethe.run(lethe.start(plan), List.of());
      System.out.printf("erase: %d ms, verified %s%n", (System.nanoTime() - t0) / 1_000_000, r.verification().passed());
    }
  }
}
