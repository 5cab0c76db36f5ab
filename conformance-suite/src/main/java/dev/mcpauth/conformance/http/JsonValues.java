package dev.mcpauth.conformance.http;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small JSON-P helpers; never throws on bad input (bad input is what the suite looks for). */
public final class JsonValues {
    private JsonValues() {
    }

    /** The text parsed as any JSON structure, or empty when it is not JSON. */
    public static Optional<JsonStructure> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return Optional.of(reader.read());
        } catch (jakarta.json.JsonException e) {
            return Optional.empty();
        }
    }

    /** The text parsed as a JSON object, or empty. */
    public static Optional<JsonObject> object(String text) {
        return parse(text).filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT).map(JsonObject.class::cast);
    }

    /** A string member, or empty when absent or not a string. */
    public static Optional<String> string(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    /** A member that is an array of strings; empty when absent, not an array, or holding non-strings. */
    public static Optional<List<String>> strings(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (JsonValue e : v.asJsonArray()) {
            if (!(e instanceof JsonString s)) {
                return Optional.empty();
            }
            out.add(s.getString());
        }
        return Optional.of(out);
    }
}
