package dev.mcpauth.conformance.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The test issuer's signing keys: RSA 2048, RS256, each with a {@code kid} (its RFC 7638
 * thumbprint). The first key signs; older keys stay published after a rotation so tokens they
 * signed remain verifiable. When a keys file is given the set is loaded from it, or generated
 * and written there, so a restarted issuer keeps the keys a server under test already trusts.
 */
public final class IssuerKeys {
    private final Optional<Path> file;
    private final List<RSAKey> keys = new ArrayList<>();

    private IssuerKeys(Optional<Path> file) {
        this.file = file;
    }

    /** Loads the keys file when it exists; otherwise generates a key (and writes the file, if given). */
    public static IssuerKeys open(Optional<Path> file) throws IOException {
        Objects.requireNonNull(file, "file");
        IssuerKeys k = new IssuerKeys(file);
        if (file.isPresent() && Files.exists(file.get())) {
            k.load(file.get());
        } else {
            k.keys.add(generate());
            k.save();
        }
        return k;
    }

    /** The key that signs now (private parts included). */
    public synchronized RSAKey current() {
        return keys.get(0);
    }

    /** The public keys to publish, current first. */
    public synchronized JWKSet publicSet() {
        return new JWKSet(keys.stream().map(k -> (JWK) k.toPublicJWK()).toList());
    }

    /** Makes a new key current, keeps the old ones published, and persists the set. */
    public synchronized RSAKey rotate() throws IOException {
        keys.add(0, generate());
        save();
        return keys.get(0);
    }

    private void load(Path path) throws IOException {
        try {
            JWKSet set = JWKSet.parse(Files.readString(path, StandardCharsets.UTF_8));
            for (JWK jwk : set.getKeys()) {
                if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate() || rsa.getKeyID() == null) {
                    throw new IOException("keys file " + path + " must hold private RSA keys with a kid");
                }
                keys.add(rsa);
            }
        } catch (ParseException e) {
            throw new IOException("keys file " + path + " is not a JWK set: " + e.getMessage(), e);
        }
        if (keys.isEmpty()) {
            throw new IOException("keys file " + path + " holds no key");
        }
    }

    private void save() throws IOException {
        if (file.isEmpty()) {
            return;
        }
        Path path = file.get().toAbsolutePath();
        Files.createDirectories(path.getParent());
        Path tmp = Files.createTempFile(path.getParent(), ".keys", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the file keeps the platform's default permissions.
            tmp.toFile().setReadable(false, false);
            tmp.toFile().setReadable(true, true);
        }
        Files.writeString(tmp, new JWKSet(new ArrayList<JWK>(keys)).toString(false), StandardCharsets.UTF_8);
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
    }
}
