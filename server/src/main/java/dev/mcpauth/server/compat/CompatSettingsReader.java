package dev.mcpauth.server.compat;

import dev.mcpauth.server.config.SettingsRefusedException;
import dev.mcpauth.server.config.SettingsSource;
import dev.mcpauth.server.memory.domain.Owner;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code mcp.compat.*}. Absent {@code mcp.compat.port}: no legacy listener. Present: the listener
 * must bind to loopback ({@code mcp.compat.host}, default {@code 127.0.0.1}), must not share the OAuth
 * port ({@code server.port}), and needs the local user ({@code mcp.compat.subject}); otherwise the
 * server refuses to start, naming each problem.
 */
public final class CompatSettingsReader {
    public static final String PORT = "mcp.compat.port";
    public static final String HOST = "mcp.compat.host";
    public static final String SUBJECT = "mcp.compat.subject";
    public static final String ISSUER = "mcp.compat.issuer";
    static final String DEFAULT_HOST = "127.0.0.1";
    /** The owner's issuer half when none is set: the same default as the STDIO adapter. */
    static final String DEFAULT_ISSUER = "local";

    private CompatSettingsReader() {
    }

    /** The listener's settings; empty when it is off; {@link SettingsRefusedException} when they contradict. */
    public static Optional<CompatSettings> read(SettingsSource source) {
        Optional<String> portText = source.value(PORT);
        if (portText.isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        int port = port(portText.get(), problems);
        String host = source.value(HOST).orElse(DEFAULT_HOST);
        if (!loopback(host)) {
            problems.add(HOST + " must be a loopback address (127.0.0.1, ::1 or localhost): the legacy listener has "
                    + "no authentication, got " + host);
        }
        Optional<String> serverPort = source.value("server.port");
        if (port != 0 && serverPort.isPresent() && serverPort.get().equals(String.valueOf(port))) {
            problems.add(PORT + " must differ from server.port (" + port + "): the OAuth port never serves "
                    + "unauthenticated calls");
        }
        Optional<String> subject = source.value(SUBJECT);
        if (subject.isEmpty()) {
            problems.add(SUBJECT + " is required with " + PORT + " (the one local user the legacy listener serves)");
        }
        Optional<Owner> owner = subject.flatMap(s -> owner(source.value(ISSUER).orElse(DEFAULT_ISSUER), s, problems));
        if (!problems.isEmpty() || owner.isEmpty()) {
            throw new SettingsRefusedException(problems);
        }
        return Optional.of(new CompatSettings(host, port, owner.get()));
    }

    private static int port(String text, List<String> problems) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(PORT + " must be a TCP port number (0 to 65535), got " + text);
        return -1;
    }

    /** True when every address the name stands for is a loopback address. */
    static boolean loopback(String host) {
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            return all.length > 0 && Arrays.stream(all).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    private static Optional<Owner> owner(String issuer, String subject, List<String> problems) {
        try {
            return Optional.of(new Owner(issuer, subject));
        } catch (IllegalArgumentException e) {
            problems.add(SUBJECT + "/" + ISSUER + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
