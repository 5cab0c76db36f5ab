package dev.mcpauth.server.stdio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * {@code dev.mcpauth.server.Main --stdio} in a child JVM on the test class path, spoken to line by
 * line. Standard error goes to a file, so the test can read the logs and standard output stays
 * exactly what the server wrote there.
 */
final class StdioProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader stdout;
    private final OutputStream stdin;
    private final Path stderr;
    private final List<String> transcript = new ArrayList<>();

    private StdioProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.stdin = process.getOutputStream();
    }

    static StdioProcess start(Map<String, String> environment, String... systemProperties) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(systemProperties));
        command.addAll(List.of("dev.mcpauth.server.Main", "--stdio"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove(StdioMain.SUBJECT_VARIABLE);
        builder.environment().putAll(environment);
        Path stderr = Files.createTempFile("stdio-stderr", ".log");
        builder.redirectError(stderr.toFile());
        return new StdioProcess(builder.start(), stderr);
    }

    /** Sends one line (a request, a notification, or anything at all). */
    void send(String line) throws IOException {
        sendBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
        transcript.add("> " + line);
    }

    void sendBytes(byte[] bytes) throws IOException {
        stdin.write(bytes);
        stdin.flush();
    }

    /** The next line the server wrote, which must be one JSON object. */
    JsonObject receive() throws IOException {
        String line = stdout.readLine();
        if (line == null) {
            throw new AssertionError("the server closed standard output; stderr: " + stderr());
        }
        transcript.add("< " + line);
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }

    JsonObject request(String line) throws IOException {
        send(line);
        return receive();
    }

    /** Closes standard input and returns the exit code. */
    int finish() throws IOException, InterruptedException {
        stdin.close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the server did not exit after end of input");
        }
        return process.exitValue();
    }

    /** Everything else the server wrote on standard output (after it exited). */
    String remainingStdout() throws IOException {
        StringBuilder rest = new StringBuilder();
        for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
            rest.append(line).append('\n');
        }
        return rest.toString();
    }

    /** SIGKILL: no shutdown hook, no close, no flush. */
    void killMinus9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    String stderr() throws IOException {
        return Files.readString(stderr);
    }

    List<String> transcript() {
        return transcript;
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(stderr);
    }
}
