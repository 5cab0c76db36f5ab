package dev.mcpauth.conformance.issuer;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.mcpauth.conformance.token.JwsSigner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The runner's side of a running {@link TestIssuer}, in-process or standalone: reads its
 * metadata and current key, and signs through {@code POST /mint}. Traffic to the issuer is
 * harness plumbing and is not recorded in reports.
 */
public final class IssuerClient implements JwsSigner, dev.mcpauth.conformance.token.OpaqueMinter {
    private final HttpClient http;
    private final Duration timeout;
    private final URI issuer;
    private final URI mint;
    private final RSAKey currentKey;

    private IssuerClient(HttpClient http, Duration timeout, URI issuer, RSAKey currentKey) {
        this.http = http;
        this.timeout = timeout;
        this.issuer = issuer;
        this.mint = URI.create(stripSlash(issuer.toString()) + "/mint");
        this.currentKey = currentKey;
    }

    /**
     * Reads the issuer's RFC 8414 metadata and JWKS.
     *
     * @param issuerUrl the issuer URL the test issuer printed (its identifier)
     * @throws SigningException when it cannot be reached or does not look like the test issuer
     */
    public static IssuerClient connect(URI issuerUrl, Duration timeout) throws SigningException {
        Objects.requireNonNull(issuerUrl, "issuerUrl");
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1).build();
        String base = stripSlash(issuerUrl.toString());
        try {
            Map<String, Object> metadata = JSONObjectUtils.parse(
                    get(http, timeout, URI.create(base + "/.well-known/oauth-authorization-server")));
            String issuer = JSONObjectUtils.getString(metadata, "issuer");
            URI jwksUri = JSONObjectUtils.getURI(metadata, "jwks_uri");
            if (issuer == null || jwksUri == null) {
                throw new SigningException("issuer metadata at " + base + " lacks issuer or jwks_uri");
            }
            JWKSet set = JWKSet.parse(get(http, timeout, jwksUri));
            JWK first = set.getKeys().isEmpty() ? null : set.getKeys().get(0);
            if (!(first instanceof RSAKey rsa) || rsa.getKeyID() == null) {
                throw new SigningException("the issuer's JWKS does not start with an RSA key with a kid");
            }
            return new IssuerClient(http, timeout, URI.create(issuer), rsa.toPublicJWK());
        } catch (ParseException e) {
            throw new SigningException("the issuer at " + base + " answered something that is not its metadata: "
                    + e.getMessage(), e);
        }
    }

    /** The issuer identifier from its metadata (what {@code iss} must equal). */
    public URI issuer() {
        return issuer;
    }

    /** The current signing key, public part. */
    public RSAKey currentKey() {
        return currentKey;
    }

    /**
     * {@code POST /admin/rotate}: the issuer signs with a new key from now on (older keys stay
     * published). Returns the new key's public part from the answer (the JWKS may be down).
     */
    public RSAKey rotate() throws SigningException {
        String base = stripSlash(issuer.toString());
        try {
            Map<String, Object> answer = JSONObjectUtils.parse(post(URI.create(base + "/admin/rotate"), ""));
            Map<String, Object> jwk = JSONObjectUtils.getJSONObject(answer, "jwk");
            if (jwk == null || !(JWK.parse(jwk) instanceof RSAKey rsa) || rsa.getKeyID() == null) {
                throw new SigningException("the issuer's rotation answer names no RSA key with a kid");
            }
            return rsa.toPublicJWK();
        } catch (ParseException e) {
            throw new SigningException("the issuer's rotation answer is not a key: " + e.getMessage(), e);
        }
    }

    /** {@code POST /admin/jwks-outage}: the JWKS endpoint answers 503 while {@code on}. */
    public void jwksOutage(boolean on) throws SigningException {
        post(URI.create(stripSlash(issuer.toString()) + "/admin/jwks-outage"), "{\"outage\":" + on + "}");
    }

    /** {@code POST /mint-opaque}: an opaque token whose introspection answer lists exactly these claims. */
    @Override
    public String mintOpaque(Map<String, Object> claims) throws SigningException {
        String answer = post(URI.create(stripSlash(issuer.toString()) + "/mint-opaque"),
                JSONObjectUtils.toJSONString(Map.of("claims", claims)));
        try {
            String token = JSONObjectUtils.getString(JSONObjectUtils.parse(answer), "token");
            if (token == null) {
                throw new SigningException("POST /mint-opaque returned no token");
            }
            return token;
        } catch (ParseException e) {
            throw new SigningException("POST /mint-opaque answered no JSON: " + e.getMessage(), e);
        }
    }

    /** {@code POST /admin/revoke}: introspection answers {@code active: false} for this token from now on. */
    public void revoke(String token) throws SigningException {
        post(URI.create(stripSlash(issuer.toString()) + "/admin/revoke"), JSONObjectUtils.toJSONString(Map.of("token", token)));
    }

    /** {@code POST /admin/introspection-outage}: the introspection endpoint answers 503 while {@code on}. */
    public void introspectionOutage(boolean on) throws SigningException {
        post(URI.create(stripSlash(issuer.toString()) + "/admin/introspection-outage"), "{\"outage\":" + on + "}");
    }

    private String post(URI uri, String body) throws SigningException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new SigningException("POST " + uri + " answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new SigningException("POST " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningException("interrupted", e);
        }
    }

    @Override
    public String sign(Map<String, Object> header, String payload) throws SigningException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("header", header);
        body.put("payload", payload);
        HttpRequest request = HttpRequest.newBuilder(mint).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(body)))
                .build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new SigningException("POST " + mint + " answered " + r.statusCode() + ": " + r.body());
            }
            String token = JSONObjectUtils.getString(JSONObjectUtils.parse(r.body()), "token");
            if (token == null) {
                throw new SigningException("POST " + mint + " returned no token");
            }
            return token;
        } catch (IOException | ParseException e) {
            throw new SigningException("POST " + mint + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningException("interrupted while minting", e);
        }
    }

    private static String get(HttpClient http, Duration timeout, URI uri) throws SigningException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new SigningException("GET " + uri + " answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new SigningException("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningException("interrupted", e);
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
