package io.sitrep.console;

import io.sitrep.console.account.Account;
import io.sitrep.console.account.Accounts;
import io.sitrep.console.account.Role;
import io.sitrep.testsupport.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.UUID;

/**
 * Base of the console's integration tests: the whole console on a random port with its own real PostgreSQL database.
 * The services' URLs point at a closed port, so screens show that they could not be read; sign-in, roles and sessions
 * need no service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.servlet.session.cookie.secure=false",
        "sitrep.console.api.incident-url=http://127.0.0.1:1",
        "sitrep.console.api.notification-url=http://127.0.0.1:1",
        "sitrep.console.api.timeline-url=http://127.0.0.1:1",
        "sitrep.console.api.key=console-test-key",
})
@WithRealInfrastructure
public abstract class ConsoleIntegrationTest {

    protected static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    protected int port;

    @Autowired
    protected Accounts accounts;

    @Autowired
    protected PasswordEncoder encoder;

    protected Browserless browser() {
        return new Browserless("http://localhost:" + port);
    }

    /** A new account with {@link #PASSWORD}; answers its name. */
    protected String anAccount(Role role) {
        return anAccount(role, false);
    }

    protected String anAccount(Role role, boolean mustChange) {
        String name = role.wireName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.add(new Account(name, encoder.encode(PASSWORD), role, mustChange));
        return name;
    }
}
