package dev.mcpauth.server.auth;

import java.util.Locale;
import java.util.Optional;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import dev.mcpauth.server.config.TokenTypeProfile;

/**
 * Checks the JWT {@code typ} header (RS-48). {@code typ} is a media type, compared
 * case-insensitively with the optional {@code application/} prefix (RFC 7515 §4.1.9), so
 * {@code at+JWT} and {@code application/at+jwt} are the same type.
 * <ul>
 *     <li>{@code rfc9068}: only {@code at+jwt} (RFC 9068 §2.1, §4).</li>
 *     <li>{@code lenient}: also {@code JWT} or no {@code typ} (Keycloak sends {@code JWT}); any
 *     other type, such as {@code dpop+jwt} or {@code logout+jwt}, is another kind of JWT and is
 *     refused (RFC 8725 §3.11).</li>
 * </ul>
 */
final class TokenTypeVerifier implements JOSEObjectTypeVerifier<SecurityContext> {

    private static final String ACCESS_TOKEN = "at+jwt";
    private static final String PLAIN_JWT = "jwt";

    private final TokenTypeProfile profile;

    TokenTypeVerifier(TokenTypeProfile profile) {
        this.profile = profile;
    }

    @Override
    public void verify(JOSEObjectType type, SecurityContext context) throws BadJOSEException {
        Optional<String> mediaType = Optional.ofNullable(type).map(JOSEObjectType::getType).map(TokenTypeVerifier::normalise);
        boolean accepted = switch (profile) {
            case RFC9068 -> mediaType.filter(ACCESS_TOKEN::equals).isPresent();
            case LENIENT -> mediaType.map(t -> t.equals(ACCESS_TOKEN) || t.equals(PLAIN_JWT)).orElse(true);
        };
        if (!accepted) {
            throw new TokenRejectedException(TokenRejection.UNSUPPORTED_TYPE);
        }
    }

    private static String normalise(String typ) {
        String lower = typ.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("application/") ? lower.substring("application/".length()) : lower;
    }
}
