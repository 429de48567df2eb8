package io.sitrep.console.signin;

/** An OpenID Connect provider to sign in with: its registration id and the name shown. */
public record SignInProvider(String id, String name) {
}
