package io.sitrep.console.signin;

import io.sitrep.console.Browserless;
import io.sitrep.console.ConsoleIntegrationTest;
import io.sitrep.console.account.Account;
import io.sitrep.console.account.FirstAdmin;
import io.sitrep.console.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.Map;

import static io.sitrep.console.Browserless.location;
import static org.assertj.core.api.Assertions.assertThat;

class SignInIT extends ConsoleIntegrationTest {

    @Autowired
    FirstAdmin firstAdmin;

    @Test
    void sendsSomeoneNotSignedInToTheSignInScreen() {
        Browserless person = browser();

        HttpResponse<String> now = person.get("/");

        assertThat(now.statusCode()).isEqualTo(302);
        assertThat(location(now)).isEqualTo("/sign-in");
    }

    @Test
    void signsInWithTheRightPasswordAndShowsNow() {
        String name = anAccount(Role.RESPONDER);
        Browserless person = browser();

        HttpResponse<String> signedIn = person.signIn(name, PASSWORD);
        HttpResponse<String> now = person.get("/");

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).startsWith("/").doesNotStartWith("/sign-in");
        assertThat(now.statusCode()).isEqualTo(200);
        assertThat(now.body()).contains("<h1>Now</h1>", name + " (responder)")
                // The services are away in this test: the screen says so in words rather than failing.
                .contains("Could not read open incidents");
    }

    @Test
    void refusesAWrongPassword() {
        String name = anAccount(Role.RESPONDER);
        Browserless person = browser();

        HttpResponse<String> refused = person.signIn(name, "not the password");
        HttpResponse<String> now = person.get("/");

        assertThat(location(refused)).isEqualTo("/sign-in?error");
        assertThat(location(now)).isEqualTo("/sign-in");
    }

    @Test
    void refusesASignInWithoutCsrfToken() {
        String name = anAccount(Role.RESPONDER);
        Browserless person = browser();
        person.get("/sign-in");

        HttpResponse<String> refused = person.postWithoutToken("/sign-in", Map.of("username", name, "password", PASSWORD));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(location(person.get("/"))).isEqualTo("/sign-in");
    }

    @Test
    void refusesAChangeWithoutCsrfToken() {
        Browserless person = browser();
        person.signIn(anAccount(Role.RESPONDER), PASSWORD);

        HttpResponse<String> refused = person.postWithoutToken("/incidents", Map.of("title", "Checkout down", "message", "Looking"));

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void limitsFailedSignInsPerAccountEvenWithTheRightPasswordAfterwards() {
        String name = anAccount(Role.RESPONDER);
        Browserless attacker = browser();
        for (int i = 0; i < 5; i++) {
            assertThat(location(attacker.signIn(name, "guess " + i))).isEqualTo("/sign-in?error");
        }

        HttpResponse<String> owner = browser().signIn(name, PASSWORD);

        assertThat(location(owner)).isEqualTo("/sign-in?limited");
        assertThat(browser().get("/sign-in?limited").body()).contains("Too many failed sign-ins");
    }

    @Test
    void signsOutAndTheSessionNoLongerWorks() {
        Browserless person = browser();
        person.signIn(anAccount(Role.VIEWER), PASSWORD);
        assertThat(person.get("/").statusCode()).isEqualTo(200);

        HttpResponse<String> signedOut = person.post("/sign-out", Map.of());

        assertThat(location(signedOut)).isEqualTo("/sign-in?signed-out");
        assertThat(location(person.get("/"))).isEqualTo("/sign-in");
    }

    @Test
    void setsAnHttpOnlySameSiteSessionCookie() {
        Browserless person = browser();

        HttpResponse<String> signedIn = person.signIn(anAccount(Role.VIEWER), PASSWORD);

        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void createsTheFirstAdminWithAOneTimePasswordToChange() {
        Account admin = accounts.find(FirstAdmin.USERNAME).orElseThrow();

        boolean createdAgain = firstAdmin.createIfNone();

        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.mustChange()).isTrue();
        assertThat(admin.passwordHash()).startsWith("{bcrypt}");
        assertThat(createdAgain).isFalse();
    }

    @Test
    void makesAPersonWithAOneTimePasswordChangeItBeforeAnythingElse() {
        String name = anAccount(Role.ADMIN, true);
        Browserless person = browser();
        person.signIn(name, PASSWORD);

        HttpResponse<String> now = person.get("/");
        person.get("/account/password");
        HttpResponse<String> tooShort = person.post("/account/password", Map.of("current", PASSWORD, "password", "short", "confirmation", "short"));
        HttpResponse<String> changed = person.post("/account/password",
                Map.of("current", PASSWORD, "password", "a new long password", "confirmation", "a new long password"));

        assertThat(location(now)).isEqualTo("/account/password");
        assertThat(tooShort.statusCode()).isEqualTo(200);
        assertThat(tooShort.body()).contains("New password (12 characters or more): must be 12 characters or more");
        assertThat(location(changed)).isEqualTo("/");
        assertThat(person.get("/").statusCode()).isEqualTo(200);
        assertThat(accounts.find(name).orElseThrow().mustChange()).isFalse();
        assertThat(location(browser().signIn(name, "a new long password"))).doesNotStartWith("/sign-in");
    }
}
