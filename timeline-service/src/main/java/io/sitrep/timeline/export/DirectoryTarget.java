package io.sitrep.timeline.export;

import io.sitrep.timeline.snapshot.PublicDocument;
import io.sitrep.timeline.snapshot.SnapshotContent;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The export as files in a directory, laid out as the paths they answer: {@code index.html} for {@code /},
 * {@code incidents/{id}.html} for an incident's page, {@code api/v2/summary.json}, {@code feed.atom}, {@code history.rss}. Each file is written
 * to a temporary file beside it and renamed over the old one atomically.
 */
final class DirectoryTarget implements ExportTarget {

    private static final String INCIDENTS = "incidents";

    private final Path root;

    DirectoryTarget(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return "directory";
    }

    /** The file that holds a path's answer. */
    Path fileOf(PublicDocument document) {
        return fileOf(document.path(), document.contentType());
    }

    private Path fileOf(String path, String contentType) {
        String relative = path.equals("/") ? "index.html" : path.substring(1);
        if (!path.equals("/") && contentType.equals(SnapshotContent.HTML)) {
            relative += ".html";
        }
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("not a path inside the export: " + path);
        }
        return file;
    }

    @Override
    public Set<String> existingIncidentPages() throws IOException {
        Set<String> pages = new LinkedHashSet<>();
        Path incidents = root.resolve(INCIDENTS);
        if (!Files.isDirectory(incidents)) {
            return pages;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(incidents, "*.html")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                pages.add("/" + INCIDENTS + "/" + name.substring(0, name.length() - ".html".length()));
            }
        }
        return pages;
    }

    @Override
    public void write(PublicDocument document, String cacheControl) throws IOException {
        Path file = fileOf(document);
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temporary, document.body());
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public void delete(String path) throws IOException {
        Files.deleteIfExists(fileOf(path, path.startsWith("/" + INCIDENTS + "/") ? SnapshotContent.HTML : ""));
    }
}
