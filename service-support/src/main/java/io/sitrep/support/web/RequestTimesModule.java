package io.sitrep.support.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.time.Instant;

/**
 * Times in a request body are ISO-8601 text ({@code "2026-12-01T10:00:00Z"}). A number is refused
 * rather than read as seconds since 1970: {@code 1e400} or a 40-digit integer must not become a time.
 */
public final class RequestTimesModule extends SimpleModule {

    public RequestTimesModule() {
        super("sitrep-request-times");
        addDeserializer(Instant.class, new InstantsAsText());
    }

    private static final class InstantsAsText extends StdDeserializer<Instant> {

        InstantsAsText() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
