package io.sitrep.console.signin;

import io.sitrep.console.account.Role;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleOidcUserServiceTest {

    @Test
    void takesTheHighestRoleTheClaimLists() {
        assertThat(ConsoleOidcUserService.roleOf(List.of("viewer", "admin", "responder"))).contains(Role.ADMIN);
    }

    @Test
    void readsARoleGivenAsOneString() {
        assertThat(ConsoleOidcUserService.roleOf("Responder")).contains(Role.RESPONDER);
    }

    @Test
    void ignoresRolesTheConsoleDoesNotKnow() {
        assertThat(ConsoleOidcUserService.roleOf(List.of("superuser", 42))).isEmpty();
        assertThat(ConsoleOidcUserService.roleOf(null)).isEmpty();
    }
}
