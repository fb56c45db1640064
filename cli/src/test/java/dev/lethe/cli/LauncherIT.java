package dev.lethe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code ./lethe} script at the repository root, run as a user runs it, on the built jar. */
class LauncherIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void the_launcher_finds_a_jdk_and_prints_the_help() throws Exception {
    assertThat(ROOT.resolve("cli/target/lethe.jar")).exists();

    Run help = run("--help");

    assertThat(help.exitCode()).as(help.output()).isZero();
    assertThat(help.output())
        .contains("Usage: lethe")
        .contains("sample-platform")
        .contains("scan")
        .contains("demo")
        .contains("serve --config <file>");
  }

  @Test
  void the_launcher_passes_the_exit_code_through() throws Exception {
    Run bad = run("plan", "--no-such-option");

    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.output()).startsWith("lethe: ");
  }

  private record Run(int exitCode, String output) {}

  private static Run run(String... args) throws IOException, InterruptedException {
    Path output = Files.createTempFile("lethe-launcher", ".txt");
    try {
      String[] command = new String[args.length + 1];
      command[0] = ROOT.resolve("lethe").toString();
      System.arraycopy(args, 0, command, 1, args.length);
      Process process =
          new ProcessBuilder(command)
              .directory(ROOT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("./lethe did not finish in 5 minutes");
      }
      return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
