package io.sitrep.console.signin;

import io.sitrep.console.Browserless;
import io.sitrep.console.ConsoleIntegrationTest;
import io.sitrep.console.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;

import static io.sitrep.console.Browserless.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@TestPropertySource(properties = "sitrep.console.sign-in.idle-timeout=2s")
class SessionExpiryIT extends ConsoleIntegrationTest {

    @Test
    void endsASessionLeftIdleForTheIdleTimeout() {
        Browserless person = browser();
        person.signIn(anAccount(Role.RESPONDER), PASSWORD);
        assertThat(person.get("/").statusCode()).isEqualTo(200);

        // Each look would keep the session alive: the first comes after the timeout, and a look at an ended session starts none.
        await().pollDelay(Duration.ofSeconds(3)).pollInterval(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> "/sign-in".equals(location(person.get("/"))));

        assertThat(location(person.get("/"))).isEqualTo("/sign-in");
    }
}
