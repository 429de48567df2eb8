package io.sitrep.support.web;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates a bean-validation property path ({@code payload.eventClass}, {@code components[0].id})
 * into the names the client wrote in JSON ({@code payload.class}), following {@code @JsonProperty}
 * on request records.
 */
final class JsonFieldNames {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[]+)((?:\\[[^]]*])*)");

    private JsonFieldNames() {
    }

    static String of(Class<?> type, String path) {
        StringBuilder json = new StringBuilder();
        Class<?> current = type;
        Matcher matcher = SEGMENT.matcher(path);
        while (matcher.find()) {
            String name = matcher.group(1);
            RecordComponent component = component(current, name);
            if (!json.isEmpty()) {
                json.append('.');
            }
            json.append(component == null ? name : jsonName(component)).append(matcher.group(2));
            current = component == null ? null : elementType(component, !matcher.group(2).isEmpty());
        }
        return json.toString();
    }

    private static RecordComponent component(Class<?> type, String name) {
        if (type == null || !type.isRecord()) {
            return null;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component;
            }
        }
        return null;
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAnnotation(JsonProperty.class);
        if (property == null) {
            property = component.getAccessor().getAnnotation(JsonProperty.class);
        }
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    private static Class<?> elementType(RecordComponent component, boolean indexed) {
        if (indexed && Collection.class.isAssignableFrom(component.getType())
                && component.getGenericType() instanceof ParameterizedType parameterized) {
            Type element = parameterized.getActualTypeArguments()[0];
            return element instanceof Class<?> c ? c : null;
        }
        return component.getType();
    }
}
