package dev.mcpauth.server.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@code @HelidonTest} class whose server trusts a fresh {@link TestIssuer}. Before the server
 * starts, the issuer is started, the server is configured to trust it ({@link TestConfig#trusting}
 * plus {@link #config()}), and the class's static {@link TestIssuer} and {@link TokenMinter}
 * fields (audience {@link TestConfig#RESOURCE}) are set; after the class, the issuer stops.
 * Put it before {@code @HelidonTest}, so it runs first:
 * <pre>
 * &#64;WithTestIssuer(config = "mcp.fixtures.enabled=true")
 * &#64;HelidonTest
 * class FixtureToolsTest {
 *     static TestIssuer ISSUER;
 *     static TokenMinter MINT;
 * </pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestIssuerExtension.class)
public @interface WithTestIssuer {

    /** Settings beyond the defaults, as {@code key=value}; an empty value drops a default ({@code mcp.auth.jwks-uri=}). */
    String[] config() default {};

    /**
     * Also start a second issuer B and trust both ({@code mcp.auth.issuer=A,B}, keys discovered from
     * each issuer's metadata); B goes into static fields named {@code SECOND_ISSUER} ({@link TestIssuer})
     * and {@code SECOND_MINT} ({@link TokenMinter}).
     */
    boolean secondIssuer() default false;
}
