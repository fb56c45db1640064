package dev.lethe.server.instructions;

import dev.lethe.core.Lethe;
import dev.lethe.core.deadline.ProductPromises;
import dev.lethe.server.config.LetheProperties;
import dev.lethe.server.config.PublicAddress;
import dev.lethe.server.pages.DataNames;
import dev.lethe.server.pages.FormChoices;
import dev.lethe.server.pages.PageTexts;
import dev.lethe.server.pages.PagesProperties;
import dev.lethe.server.requests.RequestProperties;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /data-deletion}: the Data Deletion Instructions, the page a product names as Meta's
 * "Data Deletion Instructions URL". Written once per language from the configuration and the data
 * map, which do not change while the service runs.
 */
@Controller
class InstructionsController {

  private final Instructions instructions;
  private final Map<String, InstructionsPage> written = new ConcurrentHashMap<>();

  InstructionsController(
      Lethe lethe,
      DataNames names,
      PageTexts texts,
      PagesProperties pages,
      FormChoices form,
      ProductPromises promises,
      RequestProperties requests,
      LetheProperties properties,
      PublicAddress address) {
    List<PagesProperties.Block> blocks = pages.blocks();
    for (int i = 0; i < blocks.size(); i++) {
      String after = blocks.get(i).after();
      if (after != null
          && !Instructions.SECTIONS.contains(after.strip().toLowerCase(Locale.ROOT))) {
        throw new IllegalStateException(
            "lethe.pages.blocks["
                + i
                + "].after: one of "
                + String.join(", ", Instructions.SECTIONS));
      }
    }
    this.instructions =
        new Instructions(
            lethe.dataMap(),
            names,
            texts,
            new Instructions.Sources(pages, form, promises, requests, properties, address::base));
  }

  @GetMapping("/data-deletion")
  ModelAndView instructions(Locale locale) {
    String language = PageTexts.language(locale);
    InstructionsPage page =
        written.computeIfAbsent(language, l -> instructions.in(Locale.forLanguageTag(l)));
    return new ModelAndView("public/instructions", Map.of("page", page));
  }
}
