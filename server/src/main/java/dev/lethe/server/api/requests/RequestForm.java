package dev.lethe.server.api.requests;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /v1/requests} and {@code POST /v1/previews}, as sent: every field
 * optional here, checked by {@link RequestForms} with one error per field.
 *
 * @param type {@code erasure} (the default; access requests are not served yet)
 * @param scope a scope of the data map ({@code account}, {@code contact}, {@code message} …)
 * @param workspace the workspace, for scopes bound to one
 * @param identities the person's identifiers: {@code {"kind": "email", "value": "…"}}
 * @param params the scope's filter values ({@code bot}, {@code first_conversation} …)
 * @param jurisdiction a regime or region ({@code GDPR}, {@code EU}, {@code US-CA}, {@code ID} …)
 * @param source the door: {@code self_service}, {@code email}, {@code web_form}, {@code admin},
 *     {@code api} (the default)
 * @param gracePeriod ISO-8601 duration during which the request can still be cancelled ({@code
 *     P14D})
 * @param verification {@code none} (the default), {@code email} (a link and code mailed to the
 *     contact) or {@code manual} (staff verify)
 * @param contact where to mail the person about the request
 */
public record RequestForm(
    String type,
    String scope,
    String workspace,
    List<IdentityForm> identities,
    Map<String, String> params,
    String jurisdiction,
    String source,
    String gracePeriod,
    String verification,
    ContactForm contact) {

  /** One identifier of the person. */
  public record IdentityForm(String kind, String value) {
    @Override
    public String toString() {
      return "IdentityForm[kind=" + kind + ", value=<redacted>]";
    }
  }

  /** An e-mail address and the language to write in ({@code en}, {@code id} …). */
  public record ContactForm(String email, String language) {
    @Override
    public String toString() {
      return "ContactForm[email=<redacted>, language=" + language + "]";
    }
  }
}
