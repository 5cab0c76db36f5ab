package dev.mcpauth.conformance.report;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Pretty-printed JSON through JSON-P, and the mapping of free-form {@code details} values. */
final class JsonOutput {
    private static final JsonGeneratorFactory FACTORY =
            Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private JsonOutput() {
    }

    /** Runs {@code body} against a pretty-printing generator and returns the text, newline-terminated. */
    static String render(Consumer<JsonGenerator> body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            body.accept(generator);
        }
        String text = out.toString().stripLeading();
        return text + "\n";
    }

    /** Writes a named member whose value is any JSON-able Java value. */
    static void member(JsonGenerator g, String name, Object value) {
        g.writeKey(name);
        value(g, value);
    }

    /**
     * Writes a value: String, Boolean, Number, Map (keys as strings), List/array, Optional and
     * null map to their JSON forms; anything else is written as its {@code toString()}.
     */
    static void value(JsonGenerator g, Object value) {
        switch (value) {
            case null -> g.writeNull();
            case String s -> g.write(s);
            case Boolean b -> g.write(b);
            case Integer i -> g.write(i);
            case Long l -> g.write(l);
            case Short s -> g.write(s);
            case Byte b -> g.write(b);
            case BigInteger b -> g.write(b);
            case BigDecimal b -> g.write(b);
            case Number n -> number(g, n.doubleValue());
            case Optional<?> o -> value(g, o.orElse(null));
            case Map<?, ?> map -> {
                g.writeStartObject();
                map.forEach((k, v) -> member(g, String.valueOf(k), v));
                g.writeEnd();
            }
            case Iterable<?> list -> {
                g.writeStartArray();
                list.forEach(v -> value(g, v));
                g.writeEnd();
            }
            case Object[] array -> value(g, List.of(array));
            default -> g.write(value.toString());
        }
    }

    private static void number(JsonGenerator g, double d) {
        if (Double.isFinite(d)) {
            g.write(d);
        } else {
            g.write(Double.toString(d));
        }
    }
}
