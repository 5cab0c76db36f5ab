package dev.mcpauth.server.auth;

import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Reads a JWKS document and keeps only public signature keys. A key that cannot be parsed or
 * cannot verify signatures (an {@code RSA-OAEP} encryption key, an {@code oct} key, an unknown
 * {@code kty}) is skipped rather than failing the whole set (RFC 7517 §5). An RSA
 * key without {@code alg} is kept for RS256 only. A document with no usable key at all is
 * refused like an unreachable one.
 */
final class JwksDocumentReader {

    private static final Logger LOGGER = Logger.getLogger(JwksDocumentReader.class.getName());

    private final HttpJson http;

    JwksDocumentReader(HttpJson http) {
        this.http = http;
    }

    JWKSet read(URI jwksUri) throws IOException {
        Map<String, Object> document = http.getObject(jwksUri);
        if (!(document.get("keys") instanceof List<?> keys)) {
            throw new IOException(jwksUri + " has no \"keys\" array");
        }
        List<JWK> usable = new ArrayList<>();
        for (Object key : keys) {
            usableSignatureKey(key).ifPresent(usable::add);
        }
        if (usable.isEmpty()) {
            // an empty or broken set is a failed fetch, not a revocation of every key: the cached
            // keys stay in service (JwksKeySourceTest); with none cached the edge fails closed
            throw new IOException(jwksUri + " has no usable signature key");
        }
        return new JWKSet(usable);
    }

    /**
     * Each key serves exactly one algorithm (RS-44, RFC 8725 §3.1). Key selection matches a
     * token's {@code alg} against the key's own; a key that publishes none would serve every
     * algorithm of its type, so an RSA key without {@code alg} is pinned to RS256 (RFC 9068 §2.1,
     * the OIDC default). An EC key is already pinned by its curve.
     */
    private static JWK withOneAlgorithm(JWK key) {
        if (key.getAlgorithm() == null && key instanceof RSAKey rsa) {
            return new RSAKey.Builder(rsa).algorithm(JWSAlgorithm.RS256).build();
        }
        return key;
    }

    @SuppressWarnings("unchecked")
    private static Optional<JWK> usableSignatureKey(Object raw) {
        if (!(raw instanceof Map<?, ?> map)) {
            return Optional.empty();
        }
        try {
            JWK jwk = JWK.parse((Map<String, Object>) map);
            boolean asymmetric = jwk.getKeyType() == KeyType.RSA || jwk.getKeyType() == KeyType.EC;
            boolean forSignatures = jwk.getKeyUse() == null || KeyUse.SIGNATURE.equals(jwk.getKeyUse());
            boolean mayVerify = jwk.getKeyOperations() == null || jwk.getKeyOperations().contains(KeyOperation.VERIFY);
            if (asymmetric && forSignatures && mayVerify) {
                return Optional.of(withOneAlgorithm(jwk.toPublicJWK()));
            }
            LOGGER.fine(() -> "skipping JWK kid=" + jwk.getKeyID() + ": not a public signature key");
        } catch (ParseException | RuntimeException e) {
            LOGGER.fine(() -> "skipping unparseable JWK: " + e.getMessage());
        }
        return Optional.empty();
    }
}
