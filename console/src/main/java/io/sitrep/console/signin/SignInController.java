package io.sitrep.console.signin;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;

/** The sign-in screen: a password form, and a button per OpenID Connect provider configured. */
@Controller
class SignInController {

    private final ObjectProvider<ClientRegistrationRepository> registrations;

    SignInController(ObjectProvider<ClientRegistrationRepository> registrations) {
        this.registrations = registrations;
    }

    @GetMapping(SecurityConfiguration.SIGN_IN)
    String signIn(@RequestParam(name = "error", required = false) String error,
                  @RequestParam(name = "limited", required = false) String limited,
                  @RequestParam(name = "signed-out", required = false) String signedOut, Model model) {
        String message = "";
        if (limited != null) {
            message = "Too many failed sign-ins for this account or from this address. Wait a few minutes, then try again.";
        } else if (error != null) {
            message = "The name or the password is not right, or the sign-in was refused.";
        }
        model.addAttribute("message", message);
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("providers", providers());
        return "signin";
    }

    private List<SignInProvider> providers() {
        List<SignInProvider> providers = new ArrayList<>();
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (repository instanceof Iterable<?> all) {
            for (Object registration : all) {
                ClientRegistration client = (ClientRegistration) registration;
                providers.add(new SignInProvider(client.getRegistrationId(), client.getClientName()));
            }
        }
        return providers;
    }
}
