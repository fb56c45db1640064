package dev.lethe.server.meta;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.server.config.LetheProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** Meta's Data Deletion Request callback and Deauthorize callback. */
@RestController
class MetaCallbackController {

  private final MetaCallbacks callbacks;
  private final LetheProperties properties;

  MetaCallbackController(MetaCallbacks callbacks, LetheProperties properties) {
    this.callbacks = callbacks;
    this.properties = properties;
  }

  /** The keys are Meta's: {@code url} and {@code confirmation_code}. */
  record DeletionAnswer(String url, @JsonProperty("confirmation_code") String confirmationCode) {}

  @PostMapping(
      path = "/api/data-deletion",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  DeletionAnswer dataDeletion(
      @RequestParam(name = "signed_request", required = false) String signedRequest) {
    DeletionRequest request = callbacks.dataDeletion(signedRequest);
    String code = request.confirmationCode();
    return new DeletionAnswer(statusUrl(code), code);
  }

  @PostMapping(
      path = "/api/meta/deauthorize",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<Void> deauthorize(
      @RequestParam(name = "signed_request", required = false) String signedRequest) {
    callbacks.deauthorization(signedRequest);
    return ResponseEntity.noContent().build();
  }

  private String statusUrl(String code) {
    UriComponentsBuilder base =
        properties
            .publicBaseUrl()
            .map(UriComponentsBuilder::fromUriString)
            .orElseGet(ServletUriComponentsBuilder::fromCurrentContextPath);
    return base.path("/data-deletion/status").queryParam("id", code).build().toUriString();
  }
}
