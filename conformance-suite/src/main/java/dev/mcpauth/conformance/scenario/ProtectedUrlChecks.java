package dev.mcpauth.conformance.scenario;

import dev.mcpauth.conformance.spec.CheckSpec;
import dev.mcpauth.conformance.spec.Level;

import java.util.List;
import java.util.Optional;

/**
 * The checks {@code --also-protect} runs against one non-MCP URL: the bearer-edge checks that need
 * no MCP. Their ids end in the URL's {@link dev.mcpauth.conformance.options.ProtectedUrl#slug() slug}
 * (e.g. {@code protected-url-no-token-401-get-api-memories}) so every URL gets its own.
 */
final class ProtectedUrlChecks {
    static final String PREFIX = "protected-url";

    final CheckSpec noToken;
    final CheckSpec challenge;
    final CheckSpec resourceMetadata;
    final CheckSpec wellKnown;
    final CheckSpec goodToken;
    final CheckSpec malformed;
    final CheckSpec expired;
    final CheckSpec wrongAudience;
    final CheckSpec otherResource;
    final CheckSpec wrongIssuer;
    final CheckSpec badSignature;
    final CheckSpec algNone;
    final CheckSpec invalidChallenge;
    final CheckSpec invalidError;

    ProtectedUrlChecks(String slug) {
        noToken = spec(slug, "no-token-401", Level.MUST, "No token gets 401",
                "The request without Authorization gets 401 Unauthorized.", "RS-17", "RFC6750-3", "OAUTH21-5.3");
        challenge = spec(slug, "no-token-challenge", Level.MUST, "The 401 carries a Bearer challenge",
                "WWW-Authenticate is present, parses strictly under RFC 9110 §11, and holds a Bearer challenge with "
                        + "at least one auth-param.", "RS-18", "RFC6750-3", "RFC9110-11.6.1");
        resourceMetadata = spec(slug, "resource-metadata", Level.MUST, "The 401 leads to this resource's PRM",
                "The challenge's resource_metadata (or, without one, the path-inserted well-known URL of this URL) "
                        + "returns 200 with a PRM whose resource is this URL or a path prefix of it, on the same "
                        + "origin.", "RS-10", "RFC9728-5.1", "RFC9728-3.3");
        wellKnown = spec(slug, "prm-well-known", Level.MUST, "The PRM is at its resource's well-known URL",
                "GET of the well-known URL derived from the PRM's resource (RFC 9728 §3.1: inserted before its path) "
                        + "returns 200 with a PRM whose resource is identical (§3.3).", "RS-04", "RFC9728-3.1",
                "RFC9728-3.3");
        goodToken = spec(slug, "good-token-accepted", Level.MUST, "A good token for this resource is accepted",
                "A token from the trusted issuer with aud = the PRM's resource and the scope the 401 names (else the "
                        + "first of scopes_supported) gets 2xx: without it no rejection below proves anything.",
                "RS-24", "OAUTH21-5.1.1", "RFC6750-2.1");
        malformed = spec(slug, "malformed-token", Level.MUST, "A malformed token gets 401 or 400",
                "A Bearer token of two JWT parts (no signature) gets 401 or 400, never 2xx or 5xx.", "RS-29",
                "RFC6750-2.1");
        expired = spec(slug, "expired-token-401", Level.MUST, "An expired token gets 401",
                "A token for this resource whose exp is 10 minutes past gets 401.", "RS-32", "RFC9068-4",
                "RFC7519-4.1.4");
        wrongAudience = spec(slug, "wrong-audience-401", Level.MUST, "A token for another audience gets 401",
                "A token from the trusted issuer with aud https://other.test/mcp gets 401.", "RS-53", "RFC8707-2",
                "RFC9068-4");
        otherResource = spec(slug, "other-resource-401", Level.MUST, "A token for the MCP resource gets 401 here",
                "A good token minted for the --target resource gets 401 at this URL when its PRM names another "
                        + "resource (a token for one resource is refused by the other); when both are the same "
                        + "resource, a token for https://api.github.com is sent instead.", "RS-57", "RFC8707-2",
                "MCP-security#token-passthrough");
        wrongIssuer = spec(slug, "wrong-issuer-401", Level.MUST, "A token from another issuer gets 401",
                "A token with iss https://evil.test (signed by the trusted key) gets 401.", "RS-47", "RFC9068-4",
                "RFC8725-3.8");
        badSignature = spec(slug, "bad-signature-401", Level.MUST, "A token with a broken signature gets 401",
                "A token with one bit of its signature flipped gets 401.", "RS-41", "RFC9068-4", "RFC7515-5.2");
        algNone = spec(slug, "alg-none-401", Level.MUST, "An alg none token gets 401",
                "A token with alg none and an empty signature gets 401.", "RS-42", "RFC9068-4", "RFC8725-3.2");
        invalidChallenge = spec(slug, "invalid-token-challenge", Level.MUST, "The invalid-token 401 has a Bearer "
                        + "challenge", "The 401 for the expired token carries a strictly parseable Bearer challenge "
                        + "with at least one auth-param.", "RS-21", "RFC6750-3", "RFC9110-11.6.1");
        invalidError = spec(slug, "invalid-token-error", Level.SHOULD, "The rejection says invalid_token",
                "The 401 for the expired token carries error=\"invalid_token\".", "RS-32", "RFC6750-3.1");
    }

    List<CheckSpec> all() {
        return List.of(noToken, challenge, resourceMetadata, wellKnown, goodToken, malformed, expired, wrongAudience,
                otherResource, wrongIssuer, badSignature, algNone, invalidChallenge, invalidError);
    }

    private static CheckSpec spec(String slug, String what, Level level, String name, String description, String row,
                                  String... refs) {
        return new CheckSpec(PREFIX + "-" + what + "-" + slug, name, description, List.of(row), level, level, level,
                Optional.empty(), Optional.empty(), List.of(refs));
    }
}
