package io.sitrep.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Class data sharing for a service: its jar extracted next to it ({@code target/cds/<jar>/}), and an archive of the
 * classes it loads while it starts, made once by a training run ({@code -XX:ArchiveClassesAtExit} with
 * {@code spring.context.exit=onRefresh}) and used by every later start ({@code -XX:SharedArchiveFile}), until the jar
 * or the JVM changes. A JVM that cannot use the archive starts without it; a training run that fails leaves the
 * service to start from its jar, as without class data sharing.
 */
final class ClassDataSharing {

    /** How long a training run may take; it starts the application context once and exits. */
    private static final Duration TRAINING_BOUND = Duration.ofMinutes(2);

    private ClassDataSharing() {
    }

    /** What to start a service with: JVM options to add and the jar to run. */
    record Launch(List<String> jvmOptions, Path jar) {

        static Launch plain(Path jar) {
            return new Launch(List.of(), jar);
        }
    }

    /**
     * The launch of {@code jar} with its archive, trained now with the service's {@code environment} when the archive is
     * missing or stale; the plain jar when training fails. Runs training under a file lock, so that two stacks started
     * at once train a jar once.
     */
    static Launch prepare(Path jar, Map<String, String> environment, List<String> jvmOptions, Path log, Consumer<String> say) {
        String name = jar.getFileName().toString();
        Path directory = jar.resolveSibling("cds").resolve(name.substring(0, name.length() - ".jar".length()));
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Path extracted = directory.resolve(name);
                Path archive = directory.resolve("application.jsa");
                Path stampFile = directory.resolve("stamp");
                String stamp = stamp(jar);
                boolean current = Files.isRegularFile(archive) && Files.isRegularFile(extracted) && Files.isRegularFile(stampFile)
                        && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp);
                if (!current) {
                    Files.deleteIfExists(stampFile);
                    Files.deleteIfExists(archive);
                    long begin = System.nanoTime();
                    if (!run(List.of("-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination", directory.toString()),
                            Map.of(), log) || !Files.isRegularFile(extracted)) {
                        say.accept(name + ": could not extract the jar for class data sharing; starting it from the jar (log: " + log + ")");
                        return Launch.plain(jar);
                    }
                    List<String> training = new ArrayList<>(jvmOptions);
                    training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar", extracted.toString()));
                    if (!run(training, environment, log) || !Files.isRegularFile(archive)) {
                        Files.deleteIfExists(archive);
                        say.accept(name + ": the class data sharing training run failed; starting it from the jar (log: " + log + ")");
                        return Launch.plain(jar);
                    }
                    Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
                    say.accept(name + ": class data sharing archive made in " + (System.nanoTime() - begin) / 1_000_000 + " ms");
                }
                return new Launch(List.of("-XX:SharedArchiveFile=" + archive), extracted);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare class data sharing for " + name, e);
        }
    }

    /** The jar and the JVM the archive belongs to: an archive is only good for the same classes on the same JVM. */
    private static String stamp(Path jar) throws IOException {
        return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " " + System.getProperty("java.home") + " "
                + System.getProperty("java.vm.version");
    }

    private static boolean run(List<String> arguments, Map<String, String> environment, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        OwnerOnly.folder(log.getParent());
        if (!Files.exists(log)) {
            OwnerOnly.createFile(log);
        }
        ProcessBuilder builder = new ProcessBuilder(Tether.command(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(TRAINING_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
