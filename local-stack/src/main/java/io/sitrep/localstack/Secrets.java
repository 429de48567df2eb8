package io.sitrep.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/** Generated secrets, each kept owner-only in a file of the data folder so that it outlives restarts. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** The secret kept in {@code file}, made by {@code fresh} and kept there (owner-only) on first use. */
    static String kept(Path file, Supplier<String> fresh) {
        try {
            if (Files.exists(file)) {
                OwnerOnly.restrict(file);
                return Files.readString(file).strip();
            }
            String value = fresh.get();
            OwnerOnly.createFile(file);
            Files.writeString(file, value + "\n");
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep a secret in " + file, e);
        }
    }

    static byte[] randomBytes(int count) {
        byte[] random = new byte[count];
        RANDOM.nextBytes(random);
        return random;
    }

    /** {@code bytes} random bytes as URL-safe Base64: no quotes, spaces or backslashes to escape anywhere. */
    static String random(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }
}
