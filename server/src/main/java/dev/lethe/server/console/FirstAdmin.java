package dev.lethe.server.console;

import dev.lethe.core.request.Actor;
import dev.lethe.server.config.LetheProperties;
import dev.lethe.server.config.SecretFile;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The first platform admin, {@code admin}. With {@code LETHE_ADMIN_PASSWORD} (or {@code
 * lethe.console.admin-password}) its password is set at every start, so a lost one is recovered by
 * restarting with a new one. Without it, the demo keeps a generated password under its data
 * directory and prints it with the console's address; a server with no operator yet generates one
 * and prints it once.
 */
public final class FirstAdmin {

  public static final String NAME = "admin";
  public static final String PASSWORD_VARIABLE = "LETHE_ADMIN_PASSWORD";

  private static final char[] ALPHABET =
      "23456789ABCDEFGHJKMNPQRSTVWXYZabcdefghjkmnpqrstvwxyz".toCharArray();

  private final Optional<String> shownPassword;

  private FirstAdmin(Optional<String> shownPassword) {
    this.shownPassword = shownPassword;
  }

  /** The password to print with the demo's banner; empty when the operator chose it. */
  public Optional<String> shownPassword() {
    return shownPassword;
  }

  static FirstAdmin ensure(Operators operators, LetheProperties properties) {
    LetheProperties.Console console = properties.console();
    Optional<String> email = console.adminEmail().map(String::strip).filter(e -> !e.isEmpty());
    email.ifPresent(NewOperator::checkEmail);
    Optional<String> configured = console.adminPassword().filter(p -> !p.isBlank());
    if (configured.isPresent()) {
      set(operators, configured.get(), email);
      return new FirstAdmin(Optional.empty());
    }
    if (properties.demo()) {
      String password =
          SecretFile.readOrWrite(
              properties.dataDir().resolve("demo-admin-password"), FirstAdmin::newPassword);
      set(operators, password, email);
      return new FirstAdmin(Optional.of(password));
    }
    if (operators.count() == 0) {
      String password = newPassword();
      set(operators, password, email);
      print(System.out, password);
    }
    return new FirstAdmin(Optional.empty());
  }

  private static void set(Operators operators, String password, Optional<String> email) {
    if (operators.find(NAME).isEmpty()) {
      operators.add(
          new NewOperator(NAME, email, password, Role.PLATFORM_ADMIN, new TreeSet<>()),
          Actor.system());
      return;
    }
    operators.restoreAdmin(NAME, email);
    if (!operators.hasPassword(NAME, password)) {
      operators.setPassword(NAME, password);
    }
  }

  private static void print(PrintStream out, String password) {
    out.println();
    out.println("Lethe console: the first platform admin is '" + NAME + "', password " + password);
    out.println(
        "  shown this once: sign in at /admin and keep it, or set "
            + PASSWORD_VARIABLE
            + " and restart to choose another.");
    out.println();
  }

  static String newPassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder out = new StringBuilder(20);
    for (int i = 0; i < 20; i++) {
      out.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "FirstAdmin[password=<redacted>]";
  }
}
