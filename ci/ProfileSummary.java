import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the execution samples of a JFR recording of the reference server (used by
 * ci/profile.sh; run as {@code java ci/ProfileSummary.java FILE.jfr}): the share of samples by top
 * frame, by the layer that owns the work, and the methods most often anywhere on the stack.
 * <p>
 * Layer of a sample: "our work" when the stack passes through the MCP layer's entry points or the
 * bearer edge's authenticator (work any transport must do); otherwise the first frame from the
 * top that belongs to Jersey, HK2, Weld, Helidon security or Helidon MP ("framework"), or to our
 * own code called by them ("our code, called by the framework"); the rest is "web server, JDK".
 */
public final class ProfileSummary {

    private static final List<String> OUR_WORK = List.of(
            "dev.mcpauth.server.mcp.McpPostHandler.handle", "dev.mcpauth.server.auth.BearerAuthenticator.authenticate",
            "dev.mcpauth.server.mcp.PostedBody.read", "dev.mcpauth.server.mcp.McpResponses.");
    private static final List<String> FRAMEWORK = List.of(
            "org.glassfish.jersey.", "org.jvnet.hk2.", "org.glassfish.hk2.", "org.jboss.weld.", "io.helidon.security.",
            "io.helidon.microprofile.", "io.helidon.jersey.");

    private ProfileSummary() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> layers = new HashMap<>();
        Map<String, Integer> onStack = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || event.getStackTrace().getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<String> frames = event.getStackTrace().getFrames().stream().map(ProfileSummary::name).toList();
            top.merge(frames.getFirst(), 1, Integer::sum);
            layers.merge(layer(frames), 1, Integer::sum);
            Set<String> seen = new HashSet<>(frames);
            seen.forEach(frame -> onStack.merge(frame, 1, Integer::sum));
        }
        System.out.println("samples=" + samples + " (jdk.ExecutionSample)");
        print("layer (see ci/ProfileSummary.java)", layers, samples, 10);
        print("top frame", top, samples, 25);
        print("on the stack", onStack, samples, 60);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String layer(List<String> frames) {
        if (frames.stream().anyMatch(f -> OUR_WORK.stream().anyMatch(f::startsWith))) {
            return "our work (MCP layer, bearer authenticator)";
        }
        for (String frame : frames) {
            if (frame.startsWith("dev.mcpauth.")) {
                return "our code, called by the framework";
            }
            if (FRAMEWORK.stream().anyMatch(frame::startsWith)) {
                return "framework (Jersey, HK2, Weld, Helidon security/MP)";
            }
        }
        return "web server, JDK";
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int limit) {
        System.out.println();
        System.out.println("--- " + title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> System.out.printf("%5.1f%% %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
