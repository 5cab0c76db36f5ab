package dev.mcpauth.conformance.cli;

import dev.mcpauth.conformance.report.RunOutcome;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

/** {@code free-port}: prints a TCP port that was free on the loopback interface a moment ago. */
final class FreePortCommand {
    private final PrintStream out;
    private final PrintStream err;

    FreePortCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int execute(List<String> args) throws UsageException {
        if (!args.isEmpty()) {
            throw new UsageException("free-port takes no arguments");
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            out.println(socket.getLocalPort());
            return RunOutcome.EXIT_PASS;
        } catch (IOException e) {
            err.println("error: cannot bind a loopback port: " + Problems.describe(e));
            return RunOutcome.EXIT_USAGE;
        }
    }
}
