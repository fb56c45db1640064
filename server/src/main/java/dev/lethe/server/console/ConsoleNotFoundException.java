package dev.lethe.server.console;

/**
 * Something the operator asked for that does not exist, or that is outside their workspaces: both
 * answer 404 alike, so a workspace admin cannot tell another workspace's request from none.
 */
public class ConsoleNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConsoleNotFoundException() {
    super("not found");
  }
}
