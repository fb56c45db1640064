package dev.lethe.server.console.meta;

import dev.lethe.core.meta.UserIdListTooLargeException;
import dev.lethe.server.api.meta.MetaListImport;
import dev.lethe.server.console.ConsoleTexts;
import dev.lethe.server.console.Operator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The upload of a user id list Meta e-mails: read and imported exactly as the REST API's {@code
 * POST /v1/meta/user-id-lists} does ({@link MetaListImport}), with its summary — ids read, requests
 * created, ids already known, repeats in the list, and lines not read, by line number.
 */
@Controller
class MetaImportPageController {

  private final MetaListImport lists;
  private final DataSize limit;
  private final ConsoleTexts texts;

  MetaImportPageController(
      MetaListImport lists,
      @Value("${spring.servlet.multipart.max-request-size}") DataSize limit,
      ConsoleTexts texts) {
    this.lists = lists;
    this.limit = limit;
    this.texts = texts;
  }

  /** The upload form; {@code too-large} when {@link OversizedUploads} sent a file back. */
  @GetMapping("/admin/meta")
  ModelAndView form(
      @RequestParam(name = "too-large", required = false) String tooLarge, Model model) {
    boolean refused = tooLarge != null;
    model.addAttribute(
        "errors",
        refused
            ? Map.of("file", texts.text("check.file-too-large", limit.toMegabytes()))
            : Map.of());
    ModelAndView page = new ModelAndView("admin/meta", model.asMap());
    page.setStatus(refused ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.OK);
    return page;
  }

  @PostMapping("/admin/meta")
  ModelAndView upload(
      Operator me, @RequestParam(name = "file", required = false) MultipartFile file, Model model) {
    String text = file == null ? "" : read(file);
    String refused = null;
    if (file == null || file.isEmpty()) {
      refused = texts.text("check.file-empty");
    } else if (text.isBlank()) {
      refused = texts.text("check.file-no-text");
    } else {
      try {
        MetaListImport.Summary summary = lists.run(text, me.actor());
        model.addAttribute("summary", summary);
        if (summary.ids() == 0) {
          refused = texts.text("check.file-no-id");
        }
      } catch (UserIdListTooLargeException e) {
        // the limit's own message names it in English; other languages say it generally
        refused = texts.textOr(e.getMessage(), "check.file-list-too-large");
      }
    }
    model.addAttribute("errors", refused == null ? Map.of() : Map.of("file", refused));
    ModelAndView page = new ModelAndView("admin/meta", model.asMap());
    page.setStatus(refused == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
    return page;
  }

  private static String read(MultipartFile file) {
    try {
      return new String(file.getBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
