package dev.lethe.server.api.requests;

import dev.lethe.core.deadline.Span;
import dev.lethe.server.api.InvalidFieldsException;

/**
 * The checks of what staff give when they act on a request — a reason, an extension's span, how a
 * person's identity was checked — shared by the REST API and the admin console.
 */
public final class RequestActionForms {

  private RequestActionForms() {}

  /** A rejection's or extension's reason: shown to the person, so required and short. */
  public static String reason(String given) {
    if (given == null || given.isBlank()) {
      throw InvalidFieldsException.coded(
          "reason", "check.reason-shown", "required: it is shown to the person");
    }
    if (given.length() > 500) {
      throw InvalidFieldsException.coded(
          "reason", "check.at-most-characters", "at most 500 characters", 500);
    }
    return given.strip();
  }

  /** How much later a request may complete: {@code 1 month}, {@code 45 days}. */
  public static Span span(String by) {
    if (by == null || by.isBlank()) {
      throw InvalidFieldsException.coded(
          "by", "check.span-required", "required: a span such as 1 month or 45 days");
    }
    try {
      return Span.parse(by);
    } catch (IllegalArgumentException e) {
      // the span's own message says what is wrong; pages may say it more generally
      throw InvalidFieldsException.coded("by", "check.span", e.getMessage());
    }
  }

  /** How staff checked the person's identity, kept on the request's events. */
  public static String verificationNote(String note) {
    if (note == null || note.isBlank()) {
      throw InvalidFieldsException.coded(
          "note", "check.note-required", "required: how the person's identity was checked");
    }
    if (note.length() > 300) {
      throw InvalidFieldsException.coded(
          "note", "check.at-most-characters", "at most 300 characters", 300);
    }
    return note.strip();
  }
}
