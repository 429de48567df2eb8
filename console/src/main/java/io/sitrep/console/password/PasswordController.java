package io.sitrep.console.password;

import io.sitrep.console.account.Accounts;
import io.sitrep.console.signin.ConsoleUser;
import io.sitrep.console.signin.PasswordChangeFirst;
import io.sitrep.console.web.FieldErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A local account changes its password; the first admin must, before anything else. */
@Controller
class PasswordController {

    static final String PATH = PasswordChangeFirst.PATH;
    /** The shortest password accepted, in characters. */
    static final int MIN_LENGTH = 12;
    /** bcrypt reads at most 72 bytes of a password. */
    static final int MAX_BYTES = 72;

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    PasswordController(Accounts accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    @GetMapping(PATH)
    String form(Model model) {
        model.addAttribute("errors", FieldErrors.NONE);
        return "password";
    }

    @PostMapping(PATH)
    String change(@RequestParam(name = "current", defaultValue = "") String current,
                  @RequestParam(name = "password", defaultValue = "") String password,
                  @RequestParam(name = "confirmation", defaultValue = "") String confirmation,
                  Authentication authentication, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!(authentication.getPrincipal() instanceof ConsoleUser user)) {
            model.addAttribute("errors", FieldErrors.of("This account signs in through its identity provider; change the password there."));
            return "password";
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (!encoder.matches(current, user.getPassword())) {
            fields.put("current", "is not the account's password");
        }
        if (password.length() < MIN_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            fields.put("password", "must be " + MIN_LENGTH + " characters or more, and at most " + MAX_BYTES + " bytes");
        } else if (password.equals(current)) {
            fields.put("password", "must differ from the current password");
        }
        if (!password.equals(confirmation)) {
            fields.put("confirmation", "must repeat the new password");
        }
        if (!fields.isEmpty()) {
            model.addAttribute("errors", new FieldErrors("The password was not changed.", fields));
            return "password";
        }
        String hash = encoder.encode(password);
        accounts.changePassword(user.getUsername(), hash);
        ConsoleUser changed = new ConsoleUser(accounts.find(user.getUsername()).orElseThrow());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(changed, null, changed.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:/";
    }
}
