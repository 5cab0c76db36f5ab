package dev.mcpauth.server.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The TLS part of the startup check (RS-13, RS-77). TLS is Helidon's own: the web server reads
 * {@code server.tls.*} (for a keystore: {@value #KEYSTORE_PATH}, {@code ...keystore.passphrase},
 * {@code ...keystore.key.alias}, default alias {@code 1}). Here we only decide whether it is on,
 * and refuse a configuration that names no private key or a key file that is not there, so the
 * server stops with one line instead of a stack trace from the TLS layer.
 */
final class TlsCheck {

    static final String PREFIX = "server.tls.";
    static final String PRIVATE_KEY_PREFIX = PREFIX + "private-key.";
    static final String KEYSTORE_PATH = PRIVATE_KEY_PREFIX + "keystore.resource.path";
    static final List<String> FILE_KEYS = List.of(KEYSTORE_PATH, PRIVATE_KEY_PREFIX + "pem.key.resource.path",
                                                  PRIVATE_KEY_PREFIX + "pem.cert-chain.resource.path");

    private TlsCheck() {
    }

    /** Whether any {@code server.tls.*} key is set and {@code server.tls.enabled} is not {@code false}. */
    static boolean isEnabled(SettingsSource source) {
        return source.hasKeyWithPrefix(PREFIX)
                && !source.value(PREFIX + "enabled").map("false"::equalsIgnoreCase).orElse(false);
    }

    static void check(SettingsSource source, List<String> problems) {
        if (!isEnabled(source)) {
            return;
        }
        if (!source.hasKeyWithPrefix(PRIVATE_KEY_PREFIX)) {
            problems.add(PREFIX + "* is configured but " + PRIVATE_KEY_PREFIX
                    + "* is not; the server would have no certificate to present");
        }
        FILE_KEYS.forEach(key -> source.value(key).filter(file -> !isReadableFile(file))
                .ifPresent(file -> problems.add(key + " names " + file + ", which is not a readable file")));
    }

    private static boolean isReadableFile(String file) {
        try {
            Path path = Path.of(file);
            return Files.isRegularFile(path) && Files.isReadable(path);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
