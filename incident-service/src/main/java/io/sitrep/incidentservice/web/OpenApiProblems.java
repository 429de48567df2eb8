package io.sitrep.incidentservice.web;

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
 * authentication, rate limit, body size, a busy database) and those of each operation's own rules.
 */
final class OpenApiProblems implements OpenApiCustomizer {

    private static final String PROBLEM = "application/problem+json";

    /** Problems particular to an operation, by operation id. */
    private static final Map<String, List<String>> OWN = Map.of(
            "openIncident", List.of("404", "422"),
            "getIncident", List.of("404"),
            "updateIncident", List.of("404", "409", "412", "422"),
            "resolveIncident", List.of("404", "409", "412", "422"),
            "reopenIncident", List.of("404", "409", "412", "422"),
            "publishPostmortem", List.of("404", "409", "412"),
            "getComponent", List.of("404"),
            "changeComponentStatus", List.of("404"));

    private static final Map<String, String> MEANING = Map.ofEntries(
            Map.entry("400", "validation-failed or malformed-request: errors name the fields at fault"),
            Map.entry("401", "unauthenticated or invalid-api-key"),
            Map.entry("403", "insufficient-scope"),
            Map.entry("404", "unknown-incident or unknown-component"),
            Map.entry("409", "incident-already-resolved or incident-not-resolved"),
            Map.entry("412", "stale-version: If-Match names a version that is no longer current"),
            Map.entry("413", "payload-too-large"),
            Map.entry("422", "idempotency-key-reused"),
            Map.entry("429", "rate-limited; see Retry-After"),
            Map.entry("503", "temporarily-unavailable; nothing changed, retry after Retry-After"));

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        openApi.getComponents().addSchemas("Problem", problemSchema());
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(this::addProblems));
    }

    private void addProblems(Operation operation) {
        List<String> codes = new java.util.ArrayList<>(List.of("400", "401", "403", "413", "429", "503"));
        codes.addAll(OWN.getOrDefault(operation.getOperationId(), List.of()));
        Map<String, ApiResponse> sorted = new TreeMap<>(operation.getResponses());
        for (String code : codes) {
            sorted.putIfAbsent(code, new ApiResponse()
                    .description(MEANING.get(code))
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
