package dev.lethe.server.console.operators;

import dev.lethe.core.Lethe;
import dev.lethe.core.plan.WorkspaceLookup;
import dev.lethe.server.console.ConsoleTexts;
import dev.lethe.server.console.NewOperator;
import dev.lethe.server.console.Role;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The checks of the operator forms, field by field, so that each message goes next to its field:
 * the rules are {@link NewOperator}'s; a workspace must also exist in the host's database when the
 * data map says where workspaces are.
 */
@Component
class OperatorForms {

  private final WorkspaceLookup workspaces;
  private final ConsoleTexts texts;

  OperatorForms(Lethe lethe, ConsoleTexts texts) {
    this.workspaces = lethe.workspaces();
    this.texts = texts;
  }

  /** Checks {@code value} with {@code check}; its message goes to {@code errors[field]}. */
  void check(Map<String, String> errors, String field, Consumer<String> check, String value) {
    try {
      check.accept(value);
    } catch (IllegalArgumentException e) {
      errors.putIfAbsent(field, texts.of(e));
    }
  }

  /** A message of the operator pages' own, in the page's language. */
  String text(String code, Object... args) {
    return texts.text(code, args);
  }

  Optional<Role> role(Map<String, String> errors, String code) {
    Optional<Role> role = Role.fromCode(code == null ? "" : code.strip());
    if (role.isEmpty()) {
      errors.put("role", texts.text("check.choose-role"));
    }
    return role;
  }

  /** The workspaces typed (spaces or commas between them), checked for the role. */
  SortedSet<String> workspaces(Map<String, String> errors, Role role, String typed) {
    SortedSet<String> given = new TreeSet<>();
    if (typed != null) {
      Arrays.stream(typed.strip().split("[\\s,]+")).filter(w -> !w.isEmpty()).forEach(given::add);
    }
    try {
      SortedSet<String> kept = NewOperator.checkWorkspaces(role, given);
      if (workspaces.entity().isPresent()) {
        for (String workspace : kept) {
          if (workspaces.find(Optional.empty(), workspace, 1).isEmpty()) {
            errors.put("workspaces", texts.text("check.no-workspace", workspace));
            break;
          }
        }
      }
      return kept;
    } catch (IllegalArgumentException e) {
      errors.put("workspaces", texts.of(e));
      return new TreeSet<>();
    }
  }

  Optional<String> email(Map<String, String> errors, String typed) {
    String email = typed == null ? "" : typed.strip();
    if (email.isEmpty()) {
      return Optional.empty();
    }
    check(errors, "email", NewOperator::checkEmail, email);
    return Optional.of(email);
  }
}
