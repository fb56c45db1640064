package dev.lethe.cli;

/** The exit codes of every command, as documented in {@code docs/cli.md}. */
final class ExitCode {

  static final int OK = 0;

  /** The coverage scan found gaps. */
  static final int FINDINGS = 1;

  /** Bad option, request or data map. */
  static final int BAD_INPUT = 2;

  static final int DATABASE_UNREACHABLE = 3;

  /** The service cannot be reached or failed (5xx): the same code as an unreachable database. */
  static final int SERVICE_UNREACHABLE = DATABASE_UNREACHABLE;

  /** The run stopped before completing: verification failed, files pending, claimed elsewhere. */
  static final int NOT_COMPLETED = 4;

  static final int UNEXPECTED = 5;

  /** {@code ledger verify} found a broken link or a missing anchored entry. */
  static final int LEDGER_BROKEN = 6;

  private ExitCode() {}
}
