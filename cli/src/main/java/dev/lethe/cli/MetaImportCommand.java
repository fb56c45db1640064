package dev.lethe.cli;

import dev.lethe.core.meta.MetaUserIdList;
import dev.lethe.core.meta.UserIdListTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Send Meta's list of user ids to delete (CSV or text) to the service.",
    footer = {
      "",
      "Checks the list here first and refuses one without a single user id.",
      "The service opens one deletion request per id; importing a list again",
      "adds nothing for the ids it already has. Prints counts, and unreadable",
      "lines by number, never an id.",
      "Exit codes: 0 imported, 2 list, key or URL refused, 3 service unreachable",
      "or failing."
    })
final class MetaImportCommand implements Callable<Integer> {

  /** Bytes past this cannot be a list the service accepts: UTF-8 takes at most 3 per char. */
  private static final int MAX_BYTES = 3 * MetaUserIdList.MAX_CHARS;

  @ParentCommand MetaCommand meta;
  @Spec CommandSpec spec;
  @Mixin ServiceOptions service;

  @Parameters(
      paramLabel = "<file>",
      description = "The list as Meta sent it (CSV or one id a line), or - for standard input.")
  String file;

  @Override
  public Integer call() {
    URI url = service.baseUrl(meta.root.env());
    String apiKey = service.apiKey(meta.root.env());
    byte[] list = read();
    check(new String(list, StandardCharsets.UTF_8));
    PrintWriter err = spec.commandLine().getErr();
    if (ServiceOptions.exposesTheKey(url)) {
      err.println(
          "lethe: warning: plain http sends the API key readable to "
              + url.getHost()
              + " and every network in between; use https");
      err.flush();
    }
    ImportSummary summary = new UserIdListUpload(url).send(list, apiKey);
    PrintWriter out = spec.commandLine().getOut();
    out.println("imported into " + ServiceOptions.describe(url));
    summary.print(out);
    out.flush();
    return ExitCode.OK;
  }

  private byte[] read() {
    byte[] bytes;
    if (file.equals("-")) {
      bytes = readAtMost(meta.root.stdin(), "standard input");
    } else {
      Path path = Path.of(file);
      if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
        throw CommandFailure.badInput("cannot read the list " + file);
      }
      try (InputStream in = Files.newInputStream(path)) {
        bytes = readAtMost(in, file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the list " + file, e);
      }
    }
    return bytes;
  }

  private static byte[] readAtMost(InputStream in, String name) {
    try {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw CommandFailure.badInput(
            name + " is larger than a list may be (" + MetaUserIdList.MAX_CHARS + " characters)");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /** The service would refuse the same: better said here, before the key goes anywhere. */
  private void check(String text) {
    if (text.isBlank()) {
      throw CommandFailure.badInput(
          (file.equals("-") ? "standard input" : file) + " is empty: pass Meta's list as it came");
    }
    MetaUserIdList list;
    try {
      list = MetaUserIdList.parse(text);
    } catch (UserIdListTooLargeException e) {
      throw CommandFailure.badInput(e.getMessage() + "; split the list");
    }
    if (list.ids().isEmpty()) {
      StringBuilder message = new StringBuilder("the list holds no user id to import");
      if (!list.isClean()) {
        message.append(':');
      }
      for (MetaUserIdList.Problem problem : list.problems()) {
        message.append("\n  line ").append(problem.line()).append(": ").append(problem.reason());
      }
      if (list.problemsLeftOut() > 0) {
        message.append("\n  … and ").append(list.problemsLeftOut()).append(" more");
      }
      throw CommandFailure.badInput(message.toString());
    }
  }
}
