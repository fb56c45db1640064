package dev.lethe.server.meta;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meta's Deauthorize callback (the Data Deletion Request callback: {@link DataDeletionServlet}).
 */
@RestController
class MetaCallbackController {

  private final MetaCallbacks callbacks;

  MetaCallbackController(MetaCallbacks callbacks) {
    this.callbacks = callbacks;
  }

  @PostMapping(
      path = "/api/meta/deauthorize",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<Void> deauthorize(
      @RequestParam(name = "signed_request", required = false) String signedRequest) {
    callbacks.deauthorization(signedRequest);
    return ResponseEntity.noContent().build();
  }
}
