package dev.lethe.server.api.requests;

import dev.lethe.core.desk.Desk;
import dev.lethe.core.request.Actor;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.server.api.InvalidFieldsException;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code {"code": "123456"}} (the mailed code) or {@code {"method": "manual", "note": "…"}} (staff
 * checked the person's identity another way; the note says how).
 */
record VerificationForm(String method, String code, String note) {

  DeletionRequest apply(Desk desk, UUID id, Actor actor) {
    String how =
        method == null || method.isBlank() ? "code" : method.strip().toLowerCase(Locale.ROOT);
    return switch (how) {
      case "code" -> {
        if (code == null || code.isBlank()) {
          throw InvalidFieldsException.of("code", "required: the code mailed to the person");
        }
        yield desk.verifyByCode(id, code, actor);
      }
      case "manual" -> {
        yield desk.verifyManually(id, actor, RequestActionForms.verificationNote(note));
      }
      default -> throw InvalidFieldsException.of("method", "must be code or manual");
    };
  }
}
