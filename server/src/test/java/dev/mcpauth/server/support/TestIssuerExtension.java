package dev.mcpauth.server.support;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs {@link WithTestIssuer}: one issuer per test class, trusted by that class's server. */
final class TestIssuerExtension implements BeforeAllCallback, AfterAllCallback {

    private static final String SECOND = "second-issuer";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestIssuerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        Class<?> testClass = context.getRequiredTestClass();
        WithTestIssuer settings = testClass.getAnnotation(WithTestIssuer.class);
        TestIssuer issuer = TestIssuer.start();
        context.getStore(NAMESPACE).put(TestIssuer.class, issuer);
        Map<String, String> overrides = overrides(settings);
        if (settings.secondIssuer()) {
            TestIssuer second = TestIssuer.start();
            context.getStore(NAMESPACE).put(SECOND, second);
            Map<String, String> both = new LinkedHashMap<>();
            both.put("mcp.auth.issuer", issuer.issuer() + "," + second.issuer());
            both.put("mcp.auth.jwks-uri", "");
            both.putAll(overrides);
            overrides = both;
        }
        TestIssuerConfigSource.use(TestConfig.trustingValues(issuer, overrides));
        inject(testClass, issuer);
        if (settings.secondIssuer()) {
            injectSecond(testClass, context.getStore(NAMESPACE).get(SECOND, TestIssuer.class));
        }
    }

    /** Sets the static {@code SECOND_ISSUER} and {@code SECOND_MINT} fields of the class, if present. */
    private static void injectSecond(Class<?> testClass, TestIssuer second) throws IllegalAccessException {
        for (Field field : testClass.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            if (field.getName().equals("SECOND_ISSUER")) {
                field.setAccessible(true);
                field.set(null, second);
            } else if (field.getName().equals("SECOND_MINT")) {
                field.setAccessible(true);
                field.set(null, second.minter(TestConfig.RESOURCE));
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestIssuerConfigSource.clear();
        context.getStore(NAMESPACE).remove(TestIssuer.class, TestIssuer.class).close();
        Optional.ofNullable(context.getStore(NAMESPACE).remove(SECOND, TestIssuer.class)).ifPresent(TestIssuer::close);
    }

    private static Map<String, String> overrides(WithTestIssuer settings) {
        Map<String, String> overrides = new LinkedHashMap<>();
        Arrays.stream(settings.config()).forEach(entry -> {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new ExtensionConfigurationException("@WithTestIssuer config needs key=value, got: " + entry);
            }
            overrides.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
        });
        return overrides;
    }

    /** Sets every static, non-final {@link TestIssuer} and {@link TokenMinter} field of the class. */
    private static void inject(Class<?> testClass, TestIssuer issuer) throws IllegalAccessException {
        for (Field field : testClass.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)) {
                continue;
            }
            if (field.getType() == TestIssuer.class) {
                field.setAccessible(true);
                field.set(null, issuer);
            } else if (field.getType() == TokenMinter.class) {
                field.setAccessible(true);
                field.set(null, issuer.minter(TestConfig.RESOURCE));
            }
        }
    }
}
