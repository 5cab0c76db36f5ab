package dev.mcpauth.server.auth;

import java.text.ParseException;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jwt.JWTParser;

/**
 * Several trusted issuers: the token's unverified {@code iss}, compared exactly (RS-47), only
 * picks which issuer's validator (and so which key set) checks it; that validator still verifies
 * the signature and the {@code iss} claim. A token claiming issuer A but signed with B's key fails
 * A's signature check; an unlisted or unreadable {@code iss} goes to the first issuer, which refuses
 * it exactly as a single-issuer server does.
 */
final class IssuerRoutingValidator implements TokenValidator {

    private final TokenValidator first;
    private final Map<String, TokenValidator> byIssuer;

    IssuerRoutingValidator(TokenValidator first, Map<String, TokenValidator> byIssuer) {
        this.first = first;
        this.byIssuer = Map.copyOf(byIssuer);
    }

    @Override
    public TokenValidation validate(String token) {
        return claimedIssuer(token).map(byIssuer::get).orElse(first).validate(token);
    }

    private static Optional<String> claimedIssuer(String token) {
        try {
            return Optional.ofNullable(JWTParser.parse(token).getJWTClaimsSet().getIssuer());
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
