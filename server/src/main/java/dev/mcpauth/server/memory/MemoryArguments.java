package dev.mcpauth.server.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.mcpauth.server.memory.domain.InvalidMemoryException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** A memory tool's {@code arguments} or a REST request body, read with a reason for every wrong name or type. */
public final class MemoryArguments {

    private final JsonObject arguments;

    private MemoryArguments(JsonObject arguments) {
        this.arguments = arguments;
    }

    /** Refuses names the tool does not take (its schema says {@code additionalProperties: false}). */
    public static MemoryArguments of(JsonObject arguments, Set<String> allowed) throws InvalidMemoryException {
        for (String name : arguments.keySet()) {
            if (!allowed.contains(name)) {
                throw new InvalidMemoryException("unknown argument " + quoted(name) + "; allowed: " + new TreeSet<>(allowed));
            }
        }
        return new MemoryArguments(arguments);
    }

    public String requiredString(String name) throws InvalidMemoryException {
        return optionalString(name).orElseThrow(() -> new InvalidMemoryException(name + " is required"));
    }

    public Optional<String> optionalString(String name) throws InvalidMemoryException {
        JsonValue value = arguments.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString text) {
            return Optional.of(text.getString());
        }
        throw new InvalidMemoryException(name + " must be a string, got " + typeOf(value));
    }

    public List<String> stringList(String name) throws InvalidMemoryException {
        JsonValue value = arguments.get(name);
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new InvalidMemoryException(name + " must be an array of strings, got " + typeOf(value));
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString text)) {
                throw new InvalidMemoryException(name + " must be an array of strings, found " + typeOf(item));
            }
            strings.add(text.getString());
        }
        return strings;
    }

    public long integer(String name, long defaultValue) throws InvalidMemoryException {
        JsonValue value = arguments.get(name);
        if (value == null || value == JsonValue.NULL) {
            return defaultValue;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.bigIntegerValueExact().longValueExact();
            } catch (ArithmeticException e) {
                throw new InvalidMemoryException(name + " is out of range");
            }
        }
        throw new InvalidMemoryException(name + " must be an integer, got " + typeOf(value));
    }

    private static String typeOf(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
        };
    }

    /** A client's argument name, cut short and reduced to printable ASCII for the message. */
    private static String quoted(String name) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
        return "\"" + shown.replaceAll("[^\\x20-\\x7E]", "?") + "\"";
    }
}
