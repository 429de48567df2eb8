package io.sitrep.support.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Declares a property that may be {@code null} as such in the OpenAPI description (3.1: {@code "type": [..., "null"]},
 * or {@code anyOf} a reference and {@code null}), for every record component or field marked {@code @Nullable}
 * ({@code jakarta.annotation.Nullable}, or the event contract's own). Without it, a field that is null in real
 * answers is documented as always present, and clients generated from the description fail on it.
 */
public final class NullableProperties implements PropertyCustomizer, OpenApiCustomizer {

    /**
     * The model resolver also marks a model itself nullable (its type becomes {@code "null"}) when a nullable property
     * reaches it; the component stays an object, and the properties that may be null say so.
     */
    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        for (Schema model : openApi.getComponents().getSchemas().values()) {
            if (model.getProperties() != null && model.getTypes() != null && model.getTypes().contains("null")) {
                Set<String> own = new LinkedHashSet<>(model.getTypes());
                own.remove("null");
                model.setTypes(own.isEmpty() ? new LinkedHashSet<>(List.of("object")) : own);
                if ("null".equals(model.getType())) {
                    model.setType("object");
                }
            }
        }
    }


    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema customize(Schema property, AnnotatedType type) {
        if (property == null || type.getCtxAnnotations() == null
                || Arrays.stream(type.getCtxAnnotations()).noneMatch(NullableProperties::saysNullable)) {
            return property;
        }
        // A model arrives resolved (its properties, its name), before it becomes a reference: left as it is, and referred to.
        String reference = property.get$ref() != null ? property.get$ref()
                : property.getProperties() != null ? "#/components/schemas/" + modelName(property, type) : null;
        if (reference != null) {
            Schema referred = new JsonSchema().$ref(reference);
            Schema nothing = new JsonSchema().types(new LinkedHashSet<>(List.of("null")));
            Schema nullable = new JsonSchema().anyOf(List.of(referred, nothing));
            nullable.setDescription(property.getDescription());
            return nullable;
        }
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        }
        if (property.getType() != null) {
            types.add(property.getType());
        }
        types.add("null");
        property.setTypes(types);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            property.getEnum().add(null);
        }
        return property;
    }

    /** The component name the model is registered under: its own, else its class's, as the model resolver names it. */
    @SuppressWarnings("rawtypes")
    private static String modelName(Schema model, AnnotatedType type) {
        if (model.getName() != null) {
            return model.getName();
        }
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        io.swagger.v3.oas.annotations.media.Schema named = raw.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return named != null && !named.name().isEmpty() ? named.name() : raw.getSimpleName();
    }

    /**
     * Any declaration annotation named {@code Nullable}: {@code jakarta.annotation.Nullable} in the services, the event
     * contract's own {@code io.sitrep.events.Nullable} (the contract depends on nothing but the JDK and Jackson).
     */
    private static boolean saysNullable(Annotation annotation) {
        return annotation.annotationType().getSimpleName().equals("Nullable");
    }
}
