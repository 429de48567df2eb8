package io.sitrep.support.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds the problem responses to the OpenAPI description: those every API call may get (bad input,
 * authentication, rate limit, body size, a busy database) and those of each operation's own rules,
 * which the service names by operation id.
 */
public final class OpenApiProblems implements OpenApiCustomizer {

    /** The tag of operations that need no API key, e.g. links in emails: no security, no key problems. */
    public static final String PUBLIC_TAG = "Public links";

    private static final String PROBLEM = "application/problem+json";

    private static final Map<String, String> COMMON = Map.of(
            "400", "validation-failed or malformed-request: errors name the fields at fault",
            "401", "unauthenticated or invalid-api-key",
            "403", "insufficient-scope",
            "413", "payload-too-large",
            "304", "not-modified: If-None-Match names the current version; no body",
            "415", "unsupported-media-type: the body is not application/json",
            "429", "rate-limited; see Retry-After",
            "503", "temporarily-unavailable; nothing changed, retry after Retry-After");

    private static final List<String> KEYED = List.of("400", "401", "403", "413", "429", "503");

    private final Map<String, List<String>> own;
    private final Map<String, String> meanings;
    private final List<String> common;

    /**
     * For an API whose every call needs a key.
     *
     * @param own      the status codes of each operation's own problems, by operation id
     * @param meanings what those status codes mean in this service
     */
    public OpenApiProblems(Map<String, List<String>> own, Map<String, String> meanings) {
        this(own, meanings, KEYED);
    }

    /**
     * @param common the status codes every operation may answer
     */
    public OpenApiProblems(Map<String, List<String>> own, Map<String, String> meanings, List<String> common) {
        this.common = List.copyOf(common);
        this.own = Map.copyOf(own);
        Map<String, String> all = new java.util.HashMap<>(COMMON);
        all.putAll(meanings);
        this.meanings = Map.copyOf(all);
    }

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        openApi.getComponents().addSchemas("Problem", problemSchema());
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(this::addProblems));
    }

    private void addProblems(Operation operation) {
        boolean open = operation.getTags() != null && operation.getTags().contains(PUBLIC_TAG);
        if (open) {
            operation.setSecurity(List.of());
        }
        List<String> codes = new java.util.ArrayList<>(open ? List.of("400", "413", "503") : common);
        codes.addAll(own.getOrDefault(operation.getOperationId(), List.of()));
        if (operation.getRequestBody() != null) {
            codes.add("415");
        }
        Map<String, ApiResponse> sorted = new TreeMap<>(operation.getResponses());
        for (String code : codes) {
            if (code.equals("304")) {
                sorted.putIfAbsent(code, new ApiResponse().description(meanings.get(code)));
                continue;
            }
            sorted.putIfAbsent(code, new ApiResponse()
                    .description(meanings.get(code))
                    .content(new Content().addMediaType(PROBLEM, new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
        }
        operation.getResponses().clear();
        sorted.forEach(operation.getResponses()::addApiResponse);
    }

    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().description("urn:sitrep:problem:<name>, stable"));
        properties.put("title", new StringSchema());
        properties.put("status", new IntegerSchema());
        properties.put("detail", new StringSchema());
        properties.put("instance", new StringSchema());
        properties.put("errors", new ArraySchema().items(new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema())));
        return new ObjectSchema().description("An RFC 9457 problem").properties(properties);
    }
}
