package dev.mcpauth.server.auth;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Writing the refusals: the {@code WWW-Authenticate} value and the JSON body of a 401 and a 403. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChallengeBenchmark {

    private static final String PRM = "https://mcp.example.com/.well-known/oauth-protected-resource/mcp";

    @Benchmark
    public String invalidTokenHeader() {
        return BearerChallenge.invalidToken("token expired", PRM, ScopePolicy.BASELINE).headerValue();
    }

    @Benchmark
    public String invalidTokenBody() {
        return BearerChallenge.invalidToken("token expired", PRM, ScopePolicy.BASELINE).jsonBody();
    }

    @Benchmark
    public String insufficientScopeHeader() {
        return BearerChallenge.insufficientScope("tool server_status needs mcp:admin", "mcp:admin", PRM).headerValue();
    }
}
