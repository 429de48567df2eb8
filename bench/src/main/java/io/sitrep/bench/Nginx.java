package io.sitrep.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * nginx as the yardstick of the read storm: the operating system's package, started on loopback with a configuration
 * of the harness's own, serving files the harness wrote (the same bytes the service answered, plain and gzipped) with
 * the same {@code Cache-Control}. Found on the {@code PATH} (and in {@code /usr/sbin}); without it the read storm
 * says so and measures Sitrep alone.
 */
final class Nginx implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path directory;

    private Nginx(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    /** Where nginx is looked for: the PATH, then where Debian's package puts it (not on a user's PATH). */
    static String searchPath() {
        String path = System.getenv("PATH");
        return (path == null ? "" : path) + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/usr/local/sbin";
    }

    /** The nginx executable in the first folder of {@code path} (a PATH value) that has one; empty when none has. */
    static Optional<Path> find(String path) {
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isBlank()) {
                continue;
            }
            Path candidate = Path.of(folder, "nginx");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The configuration: one worker per core, no access log, kept-alive connections for as many requests as a reader
     * sends, {@code gzip_static} for the {@code .gz} files beside the plain ones, everything under {@code directory}.
     */
    static String configuration(Path directory, int port, String cacheControl) {
        String home = directory.toAbsolutePath().toString();
        return """
                daemon off;
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events {
                    worker_connections 4096;
                }
                http {
                    access_log off;
                    client_body_temp_path %1$s/tmp/body;
                    proxy_temp_path %1$s/tmp/proxy;
                    fastcgi_temp_path %1$s/tmp/fastcgi;
                    uwsgi_temp_path %1$s/tmp/uwsgi;
                    scgi_temp_path %1$s/tmp/scgi;
                    types {
                        text/html html;
                        application/json json;
                        application/atom+xml atom;
                    }
                    default_type application/octet-stream;
                    charset utf-8;
                    charset_types text/html application/json application/atom+xml;
                    sendfile on;
                    tcp_nopush on;
                    tcp_nodelay on;
                    keepalive_timeout 75s;
                    keepalive_requests 1000000;
                    gzip_static on;
                    gzip_vary on;
                    server {
                        listen 127.0.0.1:%2$d reuseport;
                        root %1$s/www;
                        index index.html;
                        add_header Cache-Control "%3$s";
                    }
                }
                """.formatted(home, port, cacheControl);
    }

    /**
     * Writes the files (request path → bytes, plain and gzipped; {@code /} becomes {@code index.html}) and the
     * configuration under {@code directory}, starts nginx and waits until it accepts connections.
     */
    static Nginx start(Path executable, Path directory, Map<String, byte[]> plain, Map<String, byte[]> gzipped, String cacheControl) {
        try {
            Path www = directory.resolve("www");
            Files.createDirectories(directory.resolve("tmp"));
            for (Map.Entry<String, byte[]> file : plain.entrySet()) {
                Path target = fileOf(www, file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
                byte[] gzip = gzipped.get(file.getKey());
                if (gzip != null) {
                    Files.write(target.resolveSibling(target.getFileName() + ".gz"), gzip);
                }
            }
            int port = freePort();
            Path conf = directory.resolve("nginx.conf");
            Files.writeString(conf, configuration(directory, port, cacheControl));
            Process process = new ProcessBuilder(executable.toString(), "-p", directory.toAbsolutePath().toString(), "-c", conf.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("nginx.out").toFile())
                    .start();
            Nginx nginx = new Nginx(process, port, directory);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!nginx.accepts()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    String said = Files.exists(directory.resolve("nginx.out")) ? Files.readString(directory.resolve("nginx.out")) : "";
                    nginx.close();
                    throw new IllegalStateException("nginx did not start: " + said.strip());
                }
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start nginx in " + directory, e);
        }
    }

    /** Where a request path's file goes under the web root: {@code /} is {@code index.html}. */
    static Path fileOf(Path www, String path) {
        Path file = www.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
        if (!file.startsWith(www)) {
            throw new IllegalArgumentException("not a path inside the web root: " + path);
        }
        return file;
    }

    int port() {
        return port;
    }

    Path directory() {
        return directory;
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
