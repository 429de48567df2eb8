package io.sitrep.console.web;

import io.sitrep.console.account.Role;
import io.sitrep.console.signin.Person;

/**
 * What every screen's frame shows and needs: who is signed in, what they may do, and the CSRF token its forms send.
 *
 * @param person        the person signed in; null on the sign-in screen
 * @param csrfParameter the form parameter the CSRF token goes in
 * @param csrfToken     the token
 */
public record Chrome(Person person, String csrfParameter, String csrfToken) {

    /** Whether the person may change incidents; screens leave out every button they may not use. */
    public boolean mayRespond() {
        return person != null && person.may(Role.RESPONDER);
    }

    /** Whether the person may delete incidents, read the audit and change components, maintenance and templates. */
    public boolean mayAdminister() {
        return person != null && person.may(Role.ADMIN);
    }

    public boolean signedIn() {
        return person != null;
    }
}
