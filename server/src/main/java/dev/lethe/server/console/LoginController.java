package dev.lethe.server.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** The sign-in page (Spring Security checks what it posts) and the page of a refused action. */
@Controller
class LoginController {

  @GetMapping("/admin/login")
  String login() {
    return "admin/login";
  }

  @RequestMapping("/admin/denied")
  ModelAndView denied(HttpServletRequest request) {
    return ConsolePages.error(request, HttpStatus.FORBIDDEN, "error.forbidden", null);
  }
}
