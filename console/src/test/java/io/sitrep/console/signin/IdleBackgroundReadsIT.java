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

/**
 * An open Now screen reads its lists again by itself on every change; those reads are not the person's doing and must
 * not keep an idle session alive, although each one refreshes the container's own timer.
 */
@TestPropertySource(properties = "sitrep.console.sign-in.idle-timeout=2s")
class IdleBackgroundReadsIT extends ConsoleIntegrationTest {

    @Test
    void endsASessionWhosePersonIsIdleWhileTheScreenKeepsReadingItsLists() {
        Browserless person = browser();
        person.signIn(anAccount(Role.VIEWER), PASSWORD);
        assertThat(person.get("/").statusCode()).isEqualTo(200);

        // Read every half second, well within the container's 2 s: only the person's inactivity can end the session.
        await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10))
                .until(() -> person.get("/now/lists").statusCode() == 401);

        assertThat(location(person.get("/"))).isEqualTo("/sign-in");
    }

    @Test
    void keepsTheSessionOfAPersonWhoActs() {
        Browserless person = browser();
        person.signIn(anAccount(Role.VIEWER), PASSWORD);

        assertThat(person.get("/").statusCode()).isEqualTo(200);
        assertThat(person.get("/now/lists").statusCode()).isEqualTo(200);
        assertThat(person.get("/").statusCode()).isEqualTo(200);
    }
}
