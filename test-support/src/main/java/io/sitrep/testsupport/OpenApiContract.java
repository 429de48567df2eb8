package io.sitrep.testsupport;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A service's committed OpenAPI description ({@code docs/openapi/<service>.json}) as a check of real traffic. Every
 * answer a test receives is held against it: its status must be documented for the operation, its content type
 * must be the one documented (not {@code *}{@code /*}), and a JSON body must be valid against the documented schema
 * (JSON Schema 2020-12, as OpenAPI 3.1 defines, with formats asserted). A request the service accepted (a 2xx) must
 * match the documented request body too; refused requests are not held against it, since tests send invalid ones
 * on purpose. Paths the description does not cover (actuator, pages, feeds) are not checked, nor are OPTIONS and
 * HEAD, nor a 405 for a method the path does not have.
 */
public final class OpenApiContract {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, OpenApiContract> LOADED = new ConcurrentHashMap<>();
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{[^/}]+}");

    private final String service;
    private final JsonNode description;
    private final List<Operation> paths;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private record Operation(String template, Pattern pattern, int parameters) {
    }

    private OpenApiContract(String service, JsonNode description) {
        this.service = service;
        this.description = description;
        List<Operation> templates = new ArrayList<>();
        for (String template : description.path("paths").propertyNames()) {
            String regex = TEMPLATE_PARAMETER.splitAsStream(template).map(Pattern::quote)
                    .reduce((left, right) -> left + "[^/]+" + right).orElse("");
            if (template.endsWith("}")) {
                regex += "[^/]+";
            }
            long parameters = TEMPLATE_PARAMETER.matcher(template).results().count();
            templates.add(new Operation(template, Pattern.compile(regex), (int) parameters));
        }
        // A literal path wins over a template that also matches it (/incidents/open before /incidents/{id}).
        templates.sort(Comparator.comparingInt(Operation::parameters));
        this.paths = List.copyOf(templates);
    }

    /** The committed description of {@code service}, e.g. {@code incident-service}, read once per JVM. */
    public static OpenApiContract of(String service) {
        return LOADED.computeIfAbsent(service, OpenApiContract::load);
    }

    private static OpenApiContract load(String service) {
        Path committed = committed(service);
        try {
            return new OpenApiContract(service, JSON.readTree(Files.readString(committed)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + committed, e);
        }
    }

    /** {@code docs/openapi/<service>.json}, from a module's folder, where every test runs. */
    static Path committed(String service) {
        return Path.of("..", "docs", "openapi", service + ".json");
    }

    /** Fails with every difference between this exchange and the description. */
    void check(String method, URI uri, Map<String, String> requestHeaders, String requestBody, HttpResponse<String> response) {
        Optional<String> template = template(uri.getRawPath());
        // OPTIONS and HEAD are HTTP's own (CORS preflight, headers of a GET), not operations of the description.
        if (template.isEmpty() || method.equals("OPTIONS") || method.equals("HEAD")) {
            return;
        }
        String operationPointer = "/paths/" + escaped(template.get()) + "/" + method.toLowerCase(Locale.ROOT);
        JsonNode operation = description.at(operationPointer);
        List<String> problems = new ArrayList<>();
        if (operation.isMissingNode()) {
            // A method the path does not have, refused as such, is what the description says too.
            if (response.statusCode() != 405) {
                problems.add(method + " is not documented for " + template.get());
            }
        } else {
            int status = response.statusCode();
            if (status / 100 == 2 && requestBody != null && !requestBody.isEmpty()) {
                String type = mediaType(requestHeaders.getOrDefault("Content-Type", ""));
                checkBody(operationPointer + "/requestBody/content", operation.path("requestBody").path("content"), type, requestBody,
                        "request", problems);
            }
            String documented = operation.path("responses").has(Integer.toString(status)) ? Integer.toString(status)
                    : operation.path("responses").has(status / 100 + "XX") ? status / 100 + "XX"
                    : operation.path("responses").has("default") ? "default" : null;
            if (documented == null) {
                problems.add("status " + status + " is not documented (documented: "
                        + String.join(", ", operation.path("responses").propertyNames()) + ")");
            } else if (response.body() != null && !response.body().isEmpty()) {
                String type = mediaType(response.headers().firstValue("Content-Type").orElse(""));
                String pointer = operationPointer + "/responses/" + escaped(documented) + "/content";
                checkBody(pointer, description.at(pointer), type, response.body(), "response", problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + " → " + response.statusCode() + " differs from docs/openapi/" + service + ".json:\n  - "
                    + String.join("\n  - ", problems) + "\nbody: " + abbreviated(response.body()));
        }
    }

    private void checkBody(String contentPointer, JsonNode content, String type, String body, String what, List<String> problems) {
        if (content.isMissingNode() || content.isEmpty()) {
            problems.add("the " + what + " has a body (" + type + ") where none is documented");
            return;
        }
        if (!content.has(type)) {
            problems.add("the " + what + " is " + type + ", documented as " + String.join(", ", content.propertyNames()));
            return;
        }
        if (!type.endsWith("json") || !content.path(type).has("schema")) {
            return;
        }
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (RuntimeException e) {
            problems.add("the " + what + " is not JSON: " + e.getMessage());
            return;
        }
        Schema schema = schemas.computeIfAbsent(contentPointer + "/" + escaped(type) + "/schema", this::schemaAt);
        for (Error error : schema.validate(value)) {
            problems.add("the " + what + " body: " + error);
        }
    }

    /** The schema at a JSON pointer into the description, its references resolved against the whole description. */
    private Schema schemaAt(String pointer) {
        ObjectNode document = (ObjectNode) description.deepCopy();
        document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        document.put("$ref", "#" + pointer);
        return REGISTRY.getSchema(document);
    }

    private Optional<String> template(String path) {
        return paths.stream().filter(operation -> operation.pattern().matcher(path).matches()).map(Operation::template).findFirst();
    }

    private static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }

    /** A JSON pointer segment: {@code ~} and {@code /} escaped. */
    private static String escaped(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviated(String body) {
        return body == null ? "" : body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }
}
