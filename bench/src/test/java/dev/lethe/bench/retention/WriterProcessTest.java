package dev.lethe.bench.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.schema.Vendor;
import java.io.IOException;
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
  void new_messages_travel_as_arguments() {
    NewMessages messages = new NewMessages(Vendor.MARIADB, 7, 42);
    assertThat(NewMessages.fromArguments(messages.arguments())).isEqualTo(messages);
  }
}
