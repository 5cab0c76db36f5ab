package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.options.ExtraOptions;
import dev.mcpauth.conformance.options.TypProfile;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The {@code run} options beyond target, issuer and tokens, checked without touching the network. */
final class ExtraArgs {
    private ExtraArgs() {
    }

    static ExtraOptions parse(ParsedArgs a) throws UsageException {
        ExtraOptions extras = ExtraOptions.defaults().withTypProfile(typProfile(a.value("--typ-profile")));
        extras = file("--server-log", a.value("--server-log"), false).map(extras::withServerLog).orElse(extras);
        Optional<String> tool = a.value("--upstream-tool").map(String::strip);
        if (tool.isPresent() && tool.get().isEmpty()) {
            throw new UsageException("--upstream-tool must not be empty");
        }
        Optional<String> port = a.value("--upstream-mock-port");
        if (port.isPresent()) {
            extras = extras.withUpstream(port(port.get()), tool.orElse(ExtraOptions.DEFAULT_UPSTREAM_TOOL));
        } else if (tool.isPresent()) {
            throw new UsageException("--upstream-tool needs --upstream-mock-port");
        }
        extras = file("--trust-cert", a.value("--trust-cert"), true).map(extras::withTrustCert).orElse(extras);
        if (a.value("--jwks-refetch-wait").isPresent()) {
            Duration wait = RunCommand.seconds("--jwks-refetch-wait", a.value("--jwks-refetch-wait").get());
            extras = extras.withJwksRefetchWait(wait);
        }
        return broader(a, extras);
    }

    private static ExtraOptions broader(ParsedArgs a, ExtraOptions extras) throws UsageException {
        Optional<String> broader = a.value("--broader-scope").map(String::strip);
        if (broader.isEmpty()) {
            return extras;
        }
        if (broader.get().isEmpty() || broader.get().contains(" ")) {
            throw new UsageException("--broader-scope must be one scope");
        }
        return extras.withBroaderScope(broader.get());
    }

    private static TypProfile typProfile(Optional<String> value) throws UsageException {
        if (value.isEmpty()) {
            return TypProfile.LENIENT;
        }
        return switch (value.get().strip().toLowerCase(Locale.ROOT)) {
            case "lenient" -> TypProfile.LENIENT;
            case "rfc9068" -> TypProfile.RFC9068;
            default -> throw new UsageException("--typ-profile '" + value.get() + "' must be lenient or rfc9068");
        };
    }

    private static int port(String value) throws UsageException {
        try {
            int p = Integer.parseInt(value.strip());
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            throw new UsageException("--upstream-mock-port '" + value + "' is not a port number");
        }
        throw new UsageException("--upstream-mock-port must be between 1 and 65535");
    }

    /** A path; {@code mustExist} files are checked now, a server log may appear later. */
    private static Optional<Path> file(String option, Optional<String> value, boolean mustExist) throws UsageException {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().isBlank()) {
            throw new UsageException(option + " must not be empty");
        }
        try {
            Path p = Path.of(value.get());
            if (mustExist && !Files.isReadable(p)) {
                throw new UsageException(option + " " + p + " is not a readable file");
            }
            return Optional.of(p);
        } catch (InvalidPathException e) {
            throw new UsageException(option + " '" + value.get() + "' is not a valid path");
        }
    }
}
