package dev.mcpauth.server.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The real process: {@code dev.mcpauth.server.Main} with contradicting settings must exit with
 * code 2 and one readable line on stderr, before any port is opened.
 */
class StartupRefusalTest {

    @Test
    void mainWhenResourceHasTrailingSlashThenExitsWithOneLine() throws Exception {
        Result result = runMain("-Dmcp.resource=http://127.0.0.1:8080/mcp/", "-Dmcp.auth.issuer=https://id.example.test");
        assertThat(result.exitCode(), is(2));
        assertThat(result.stderr(), is("mcp-auth-server refused to start: mcp.resource has a trailing slash; this server "
                + "serves /mcp and clients compare the resource exactly\n"));
    }

    @Test
    void mainWhenPlainHttpOnPublicHostAndNoIssuerThenExitsNamingBoth() throws Exception {
        Result result = runMain("-Dmcp.resource=http://mcp.example.test/mcp", "-Dmcp.auth.issuer=");
        assertThat(result.exitCode(), is(2));
        assertThat(result.stderr(), is("mcp-auth-server refused to start: mcp.resource uses http:// on non-loopback host "
                + "mcp.example.test without TLS; use https:// and configure server.tls.*; mcp.auth.issuer is required "
                + "(the authorization server's issuer identifier)\n"));
    }

    @Test
    void mainWhenTheLegacyListenerIsNotOnLoopbackThenExitsWithOneLine() throws Exception {
        Result result = runMain("-Dmcp.resource=http://127.0.0.1:8080/mcp", "-Dmcp.auth.issuer=https://id.example.test",
                "-Dmcp.compat.port=8081", "-Dmcp.compat.host=0.0.0.0", "-Dmcp.compat.subject=alice");
        assertThat(result.exitCode(), is(2));
        assertThat(result.stderr(), is("mcp-auth-server refused to start: mcp.compat.host must be a loopback address "
                + "(127.0.0.1, ::1 or localhost): the legacy listener has no authentication, got 0.0.0.0\n"));
    }

    private static Result runMain(String... properties) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.addAll(List.of(properties));
        command.add("-Dserver.port=0");
        command.add("dev.mcpauth.server.Main");
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("server did not refuse to start within 60 s");
        }
        return new Result(process.exitValue(), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String stderr) {
    }
}
