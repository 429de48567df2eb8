package io.sitrep.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders and files that only their owner may read or change: the data folder holds the database's
 * password, the API key and the binaries PostgreSQL runs from. On systems without POSIX permissions
 * they keep the owner's defaults.
 */
final class OwnerOnly {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates the folder (and its parents) unless it exists, and makes it owner-only either way. */
    static Path folder(Path folder) {
        try {
            Files.createDirectories(folder);
            restrict(folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + folder, e);
        }
    }

    /** Creates an empty owner-only file, or makes an existing one owner-only. */
    static void createFile(Path file) throws IOException {
        try {
            if (posix(file.getParent())) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException exists) {
            restrict(file);
        }
    }

    /** Takes every permission of group and others away from the folder or file. */
    static void restrict(Path path) {
        if (!posix(path)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? FOLDER : FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not make " + path + " owner-only", e);
        }
    }

    private static boolean posix(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing != null && Files.getFileStore(existing).supportsFileAttributeView("posix");
        } catch (IOException unknown) {
            return false;
        }
    }
}
