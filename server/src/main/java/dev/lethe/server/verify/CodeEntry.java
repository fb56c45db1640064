package dev.lethe.server.verify;

import dev.lethe.core.desk.Desk;
import dev.lethe.core.request.Actor;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.IllegalTransitionException;
import dev.lethe.core.request.UnknownRequestException;
import dev.lethe.core.request.VerificationRefusedException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.servlet.ModelAndView;

/**
 * The six-digit code a person types to confirm a request, wherever they type it: verified, or the
 * key of the text that says why not ({@code verify.error.*} in {@code messages/pages*}).
 */
public final class CodeEntry {

  private static final Pattern CODE = Pattern.compile("[0-9]{6}");

  private CodeEntry() {}

  /** A verified request, or why the code did not verify it. */
  public record Outcome(DeletionRequest verified, String errorKey) {}

  public static Outcome redeem(Desk desk, UUID requestId, String typed) {
    String code = typed == null ? "" : typed.replaceAll("\\s", "");
    if (!CODE.matcher(code).matches()) {
      return new Outcome(
          null, code.isEmpty() ? "verify.error.code.required" : "verify.error.code.format");
    }
    try {
      return new Outcome(desk.verifyByCode(requestId, code, Actor.subject()), null);
    } catch (VerificationRefusedException e) {
      return new Outcome(null, refused(e));
    } catch (IllegalTransitionException e) {
      return new Outcome(null, "verify.error.not-waiting");
    } catch (UnknownRequestException e) {
      return new Outcome(null, "verify.error.unknown");
    }
  }

  /**
   * The page that says the request is confirmed, with its confirmation code and status link: shown
   * only to whoever proved they read the mail. Its language switch leads to the status page.
   */
  public static ModelAndView verifiedPage(DeletionRequest request) {
    Map<String, Object> model = new HashMap<>();
    model.put("code", request.confirmationCode());
    model.put("switchAction", "/data-deletion/status");
    model.put("switchParams", Map.of("id", request.confirmationCode()));
    return new ModelAndView("public/verified", model);
  }

  /** The text key for a refused link or code. */
  static String refused(VerificationRefusedException e) {
    return "verify.error." + e.why().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
