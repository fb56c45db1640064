package dev.lethe.server.form;

import java.util.Map;

/**
 * The request form as the person filled it in: kept only to show it again with its errors, never
 * logged ({@link #toString()} says nothing of it) and never stored. Values longer than any field
 * allows are cut just past the limit, so they are refused without being kept whole.
 *
 * @param what {@code account}, {@code contact} or {@code only:<scope>}
 * @param statement the person stated they are the data subject or act for them
 * @param trap the field people never see
 */
record FormValues(
    String email,
    String name,
    String what,
    String business,
    String phone,
    String telegram,
    String metaUserId,
    String jurisdiction,
    String language,
    boolean statement,
    String token,
    String trap) {

  static final int MAX_EMAIL = 254;
  static final int MAX_NAME = 200;
  static final int MAX_BUSINESS = 200;
  static final int MAX_IDENTIFIER = 64;
  private static final int MAX_TOKEN = 200;

  static FormValues from(Map<String, String> params) {
    return new FormValues(
        field(params, "email", MAX_EMAIL),
        field(params, "name", MAX_NAME),
        field(params, "what", 80),
        field(params, "business", MAX_BUSINESS),
        field(params, "phone", MAX_IDENTIFIER),
        field(params, "telegram", MAX_IDENTIFIER),
        field(params, "meta_user_id", MAX_IDENTIFIER),
        field(params, "jurisdiction", 16),
        field(params, "language", 16),
        "yes".equals(params.get("statement")),
        field(params, "token", MAX_TOKEN),
        field(params, "website", 1000));
  }

  /** An empty form in the page's language. */
  static FormValues empty(String what, String language, String token) {
    return new FormValues("", "", what, "", "", "", "", "", language, false, token, "");
  }

  FormValues withToken(String fresh) {
    return new FormValues(
        email,
        name,
        what,
        business,
        phone,
        telegram,
        metaUserId,
        jurisdiction,
        language,
        statement,
        fresh,
        trap);
  }

  private static String field(Map<String, String> params, String name, int max) {
    String value = params.get(name);
    if (value == null) {
      return "";
    }
    String stripped = value.strip();
    return stripped.length() > max ? stripped.substring(0, max + 1) : stripped;
  }

  @Override
  public String toString() {
    return "FormValues[what=" + what + ", language=" + language + "]";
  }
}
