package dev.lethe.server.console;

import dev.lethe.core.request.Contact;
import dev.lethe.core.request.InvalidRequestException;
import dev.lethe.server.api.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An operator to add, checked when built: an id that is a plain token (it is the sign-in name and
 * the actor id on events, so never an e-mail address), an e-mail address, a password of 12 to 72
 * bytes (bcrypt reads no further), a role and, for a workspace admin, at least one workspace.
 *
 * @throws IllegalArgumentException naming what is wrong
 */
public record NewOperator(
    String id, Optional<String> email, String password, Role role, SortedSet<String> workspaces) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");
  private static final Pattern WORKSPACE = Pattern.compile("[^\\s]{1,255}");

  public NewOperator {
    checkId(id);
    id = id.strip();
    email = email == null ? Optional.empty() : email.map(String::strip).filter(e -> !e.isEmpty());
    email.ifPresent(NewOperator::checkEmail);
    checkPassword(password);
    if (role == null) {
      throw new InvalidValueException("check.role-required", "a role is required");
    }
    workspaces = checkWorkspaces(role, workspaces);
  }

  /** A plain token: the sign-in name and the actor id on events. */
  public static void checkId(String id) {
    if (id == null || !ID.matcher(id.strip()).matches()) {
      throw new InvalidValueException(
          "check.operator-name",
          "2 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
  }

  /**
   * The workspaces the role keeps: at least one for a workspace admin, none for other roles.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static SortedSet<String> checkWorkspaces(Role role, Set<String> workspaces) {
    SortedSet<String> kept = new TreeSet<>(workspaces == null ? Set.of() : workspaces);
    if (role == Role.WORKSPACE_ADMIN && kept.isEmpty()) {
      throw new InvalidValueException(
          "check.workspace-needed", "a workspace admin needs at least one workspace");
    }
    if (role != Role.WORKSPACE_ADMIN) {
      return new TreeSet<>();
    }
    for (String workspace : kept) {
      if (!WORKSPACE.matcher(workspace).matches()) {
        throw new InvalidValueException(
            "check.workspace-name", "a workspace is 1 to 255 characters without spaces");
      }
    }
    return kept;
  }

  public static void checkEmail(String email) {
    try {
      new Contact(email, "en");
    } catch (InvalidRequestException e) {
      throw new InvalidValueException("check.email", "not an e-mail address");
    }
  }

  /** 12 to 72 bytes (UTF-8): long enough to resist guessing, short enough for bcrypt. */
  public static void checkPassword(String password) {
    if (password == null || password.length() < 12) {
      throw new InvalidValueException("check.password-short", "at least 12 characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
      throw new InvalidValueException("check.password-long", "at most 72 bytes");
    }
  }

  @Override
  public String toString() {
    return "NewOperator[id=" + id + ", role=" + role + ", password=<redacted>]";
  }
}
