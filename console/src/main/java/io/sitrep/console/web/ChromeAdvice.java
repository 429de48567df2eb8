package io.sitrep.console.web;

import io.sitrep.console.signin.Person;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every screen its {@link Chrome}. */
@ControllerAdvice
class ChromeAdvice {

    @ModelAttribute("chrome")
    Chrome chrome(HttpServletRequest request) {
        Person person = Person.of(SecurityContextHolder.getContext().getAuthentication()).orElse(null);
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? new Chrome(person, "_csrf", "") : new Chrome(person, token.getParameterName(), token.getToken());
    }
}
