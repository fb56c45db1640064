package dev.lethe.server.browser;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a page test fails, prints what every thread of the test's JVM (the in-process server's
 * included) is doing and which locks it waits on: a page that never finished loading is a server
 * request that never answered, and this shows where it stands.
 */
final class ThreadsOnFailure implements TestExecutionExceptionHandler {

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    System.err.println("==== threads when " + context.getDisplayName() + " failed ====\n" + dump());
    throw failure;
  }

  static String dump() {
    ThreadInfo[] threads = ManagementFactory.getThreadMXBean().dumpAllThreads(true, true);
    return Arrays.stream(threads).map(ThreadsOnFailure::full).collect(Collectors.joining());
  }

  /** {@link ThreadInfo#toString()} cuts a stack at eight frames; a hang needs all of them. */
  private static String full(ThreadInfo thread) {
    StringBuilder text = new StringBuilder();
    text.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
    if (thread.getLockName() != null) {
      text.append(" on ").append(thread.getLockName());
    }
    if (thread.getLockOwnerName() != null) {
      text.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
    }
    text.append('\n');
    for (StackTraceElement frame : thread.getStackTrace()) {
      text.append("\tat ").append(frame).append('\n');
    }
    return text.append('\n').toString();
  }
}
