package dev.lethe.bench.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.bench.TransactionClock;
import dev.lethe.bench.TransactionSpans;
import dev.lethe.core.schema.Vendor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterProcessTest {

  @Test
  void a_writer_that_cannot_connect_fails_its_start_with_its_own_words(@TempDir Path dir) {
    Path log = dir.resolve("writer.log");
    assertThatThrownBy(
            () ->
                WriterProcess.start(
                    "jdbc:postgresql://127.0.0.1:1/nothing",
                    "postgres",
                    "",
                    new NewMessages(Vendor.POSTGRESQL, 1, 1),
                    10,
                    1,
                    log))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("answered nothing where 'started' was due");
    assertThat(log).exists();
  }

  @Test
  void latencies_cross_the_process_boundary_unchanged() throws Exception {
    Histogram histogram = new Histogram(3);
    for (long v = 1; v <= 5_000; v += 7) {
      histogram.recordValue(v);
    }
    Histogram back = WriterMain.decode(WriterMain.encode(histogram));
    assertThat(back.getTotalCount()).isEqualTo(histogram.getTotalCount());
    assertThat(back.getValueAtPercentile(99)).isEqualTo(histogram.getValueAtPercentile(99));
    assertThat(back.getMaxValue()).isEqualTo(histogram.getMaxValue());
  }

  @Test
  void each_insert_crosses_the_process_boundary_and_is_set_beside_the_transactions(
      @TempDir Path dir) throws Exception {
    WriterInserts inserts = new WriterInserts();
    inserts.add(1_000, 500); // due inside the span from 900 to 1,100
    inserts.add(1_200, 9_000); // due after it: slow, but not while a transaction was open
    inserts.add(1_050, 2_000); // due while the transaction committed, from 1,040 to 1,100
    Path file = dir.resolve("inserts.txt");
    inserts.writeTo(file);
    WriterInserts back = WriterInserts.readFrom(file);
    assertThat(back.size()).isEqualTo(3);

    TransactionClock.Spans spans =
        new TransactionClock.Spans(
            TransactionSpans.of(new long[] {900}, new long[] {1_100}),
            TransactionSpans.of(new long[] {1_040}, new long[] {1_100}));
    WriterInserts.Split split = back.split(spans);
    Histogram inside = split.inside();
    Histogram between = split.between();
    assertThat(split.shareInside()).isEqualTo(2 / 3.0);
    assertThat(split.shareInCommit()).isEqualTo(1 / 3.0);
    assertThat(inside.getTotalCount()).isEqualTo(2);
    assertThat(inside.valuesAreEquivalent(inside.getMaxValue(), 2_000)).isTrue();
    assertThat(split.statements().getTotalCount()).isEqualTo(1);
    assertThat(split.statements().valuesAreEquivalent(split.statements().getMaxValue(), 500))
        .isTrue();
    assertThat(split.commit().valuesAreEquivalent(split.commit().getMaxValue(), 2_000)).isTrue();
    assertThat(between.getTotalCount()).isEqualTo(1);
    assertThat(between.valuesAreEquivalent(between.getMaxValue(), 9_000)).isTrue();

    Files.writeString(file, "12 34\nnonsense\n");
    assertThatThrownBy(() -> WriterInserts.readFrom(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("nonsense");
  }

  @Test
  void new_messages_travel_as_arguments() {
    NewMessages messages = new NewMessages(Vendor.MARIADB, 7, 42);
    assertThat(NewMessages.fromArguments(messages.arguments())).isEqualTo(messages);
  }
}
