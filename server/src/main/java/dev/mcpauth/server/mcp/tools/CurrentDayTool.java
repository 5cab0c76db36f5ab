package dev.mcpauth.server.mcp.tools;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;

import dev.mcpauth.server.auth.ScopePolicy;
import dev.mcpauth.server.json.JsonFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/** {@code get_current_day} ({@code mcp:read}): today's date and weekday, in UTC or a given zone. */
@ApplicationScoped
public class CurrentDayTool implements McpTool {

    private final Clock clock;

    @Inject
    public CurrentDayTool(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "get_current_day";
    }

    @Override
    public String title() {
        return "Current day";
    }

    @Override
    public String description() {
        return "Returns today's date and day of the week in UTC, or in the IANA time zone given as time_zone.";
    }

    @Override
    public Set<String> scopes() {
        return Set.of(ScopePolicy.READ);
    }

    @Override
    public JsonObject inputSchema() {
        return JsonFactory.createObjectBuilder()
                .add("type", "object")
                .add("properties", JsonFactory.createObjectBuilder()
                        .add("time_zone", JsonFactory.createObjectBuilder()
                                .add("type", "string")
                                .add("description", "IANA time zone, e.g. Europe/Berlin; default UTC")))
                .add("additionalProperties", false)
                .build();
    }

    @Override
    public ToolResult call(JsonObject arguments) {
        ZoneId zone = ZoneOffset.UTC;
        if (arguments.get("time_zone") instanceof JsonString name) {
            try {
                zone = ZoneId.of(name.getString());
            } catch (DateTimeException e) {
                return ToolResult.error("unknown time zone");
            }
        } else if (arguments.containsKey("time_zone")) {
            return ToolResult.error("time_zone must be a string");
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        return ToolResult.ok(JsonFactory.createObjectBuilder()
                .add("date", now.toLocalDate().toString())
                .add("day_of_week", now.getDayOfWeek().toString())
                .add("time_zone", zone.getId())
                .build());
    }
}
