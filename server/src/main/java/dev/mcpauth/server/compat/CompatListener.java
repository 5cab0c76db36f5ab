package dev.mcpauth.server.compat;

import dev.mcpauth.server.config.SettingsSource;
import dev.mcpauth.server.mcp.tools.CurrentDayTool;
import dev.mcpauth.server.mcp.tools.McpTool;
import dev.mcpauth.server.mcp.tools.MemoryTools;
import dev.mcpauth.server.memory.ConfiguredMemoryStore;
import dev.mcpauth.server.stdio.StdioServer;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The opt-in legacy listener ({@code mcp.compat.port}) for older MCP clients that cannot do OAuth:
 * a second, separate Helidon WebServer on a loopback address, serving {@code POST /mcp} with the
 * same tools and store as the OAuth port, as one configured local user. It is a server of its own
 * rather than a named socket of the MP server, so nothing of the OAuth application (JAX-RS
 * resources, security) is routed to it and nothing of it can reach the OAuth port.
 */
@ApplicationScoped
public class CompatListener {
    private static final Logger LOGGER = Logger.getLogger(CompatListener.class.getName());

    private final Optional<CompatSettings> settings;
    private final ConfiguredMemoryStore store;
    private final Clock clock;
    private volatile Optional<WebServer> server = Optional.empty();

    @Inject
    public CompatListener(Config config, ConfiguredMemoryStore store, Clock clock) {
        this.settings = CompatSettingsReader.read(SettingsSource.of(config));
        this.store = store;
        this.clock = clock;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (settings.isEmpty() || server.isPresent()) {
            return;
        }
        CompatSettings s = settings.get();
        StdioServer messages = new StdioServer(tools(s));
        WebServer web = WebServer.builder().host(s.host()).port(s.port()).featuresDiscoverServices(false)
                .shutdownHook(false).maxPayloadSize(CompatMcpHandler.MAX_BODY_BYTES)
                .routing(r -> r.post("/mcp", new CompatMcpHandler(messages))
                        .any("/mcp", (req, res) -> res.status(Status.METHOD_NOT_ALLOWED_405)
                                .header(HeaderNames.ALLOW, "POST").send()))
                .build().start();
        server = Optional.of(web);
        LOGGER.warning("legacy listener (mcp.compat.port) on http://" + s.host() + ":" + web.port()
                + "/mcp: no authentication, every call acts as " + s.owner().subject() + "; loopback only");
    }

    /** The port it listens on, when on. */
    public Optional<Integer> port() {
        return server.map(WebServer::port);
    }

    @PreDestroy
    void stop() {
        server.ifPresent(WebServer::stop);
    }

    private List<McpTool> tools(CompatSettings s) {
        List<McpTool> tools = new ArrayList<>(MemoryTools.all(store, () -> Optional.of(s.owner()), clock));
        tools.add(new CurrentDayTool(clock));
        return tools;
    }
}
