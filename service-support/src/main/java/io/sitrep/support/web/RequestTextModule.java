package io.sitrep.support.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ContextualKeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every JSON string of a request body, values and object keys alike, through the
 * {@linkplain UnsafeText unsafe-character check}: a string holding one is refused with
 * {@link UnsafeTextRejected}, whose path names the field, unless the type or field it belongs to is
 * marked {@link ReplaceUnsafeText}, where the characters become U+FFFD.
 */
public final class RequestTextModule extends SimpleModule {

    public RequestTextModule() {
        super("sitrep-request-text");
        addDeserializer(String.class, new Strings(false));
        addKeyDeserializer(String.class, new Keys(false));
        addDeserializer(Object.class, new Untyped(false));
    }

    private static boolean replacing(BeanProperty property) {
        return property != null
                && (property.getAnnotation(ReplaceUnsafeText.class) != null || property.getContextAnnotation(ReplaceUnsafeText.class) != null);
    }

    private static String check(String value, boolean replace, DeserializationContext context) {
        if (value == null) {
            return null;
        }
        if (replace) {
            return UnsafeText.replaceUnsafe(value);
        }
        String problem = UnsafeText.problem(value);
        if (problem != null) {
            throw new UnsafeTextRejected(context.getParser(), problem);
        }
        return value;
    }

    /** String values: the standard reading, then the check. */
    private static final class Strings extends ValueDeserializer<String> {

        private final boolean replace;

        Strings(boolean replace) {
            this.replace = replace;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            return replacing(property) == replace ? this : new Strings(!replace);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            return check(StringDeserializer.instance.deserialize(parser, context), replace, context);
        }

        @Override
        public Class<?> handledType() {
            return String.class;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }
    }

    /**
     * Values of any JSON type read into plain maps, lists, strings, numbers and booleans, with the
     * check applied to every string and key in them (the standard reading looks up strings without
     * their field, so it could not tell a field that replaces from one that refuses).
     */
    private static final class Untyped extends ValueDeserializer<Object> {

        private final boolean replace;

        Untyped(boolean replace) {
            this.replace = replace;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            return replacing(property) == replace ? this : new Untyped(!replace);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            return plain(context.readTree(parser), context);
        }

        @Override
        public Class<?> handledType() {
            return Object.class;
        }

        private Object plain(JsonNode node, DeserializationContext context) {
            if (node == null || node.isNull() || node.isMissingNode()) {
                return null;
            }
            if (node.isString()) {
                return check(node.asString(), replace, context);
            }
            if (node.isNumber()) {
                return node.numberValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isArray()) {
                List<Object> list = new ArrayList<>(node.size());
                node.values().forEach(element -> list.add(plain(element, context)));
                return list;
            }
            if (node.isObject()) {
                Map<String, Object> map = new LinkedHashMap<>();
                node.properties().forEach(entry -> map.put(check(entry.getKey(), replace, context), plain(entry.getValue(), context)));
                return map;
            }
            return node.asString();
        }
    }

    /** Object keys of maps keyed by strings. */
    private static final class Keys extends KeyDeserializer implements ContextualKeyDeserializer {

        private final boolean replace;

        Keys(boolean replace) {
            this.replace = replace;
        }

        @Override
        public KeyDeserializer createContextual(DeserializationContext context, BeanProperty property) {
            return replacing(property) == replace ? this : new Keys(!replace);
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws JacksonException {
            return check(key, replace, context);
        }
    }
}
