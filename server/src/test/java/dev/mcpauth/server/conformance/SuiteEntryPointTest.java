package dev.mcpauth.server.conformance;

import java.nio.file.Path;
import java.util.stream.Stream;

import dev.mcpauth.conformance.junit.McpAuthConformance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance suite's JUnit 5 entry point run against this server in its own test run, as a
 * user's Java MCP server would (docs/ci.md): one test per check, named by check id and RS rows,
 * the server log scanned for tokens (grey box, RS-76). Reports in target/mcp-auth-conformance/.
 */
class SuiteEntryPointTest {

    @TempDir
    static Path work;
    private static ReferenceServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = ReferenceServerProcess.start(work);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> mcpAuthorization() {
        return McpAuthConformance.forTarget(server.resource())
                .issuer(server.issuer())
                .serverLog(server.log())
                .reportsTo(Path.of("target", "mcp-auth-conformance"))
                .dynamicTests();
    }
}
