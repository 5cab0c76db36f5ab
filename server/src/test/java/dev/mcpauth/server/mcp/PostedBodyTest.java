package dev.mcpauth.server.mcp;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ContainerRequest;
import org.junit.jupiter.api.Test;

/** The body of a POST is read and parsed once, then handed to the resource as it is. */
class PostedBodyTest {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    @Test
    void ofWhenReadBeforeThenTheResourceGetsTheSameParsedBody() throws IOException {
        ContainerRequest request = post(PING.getBytes(StandardCharsets.UTF_8));

        PostedBody read = PostedBody.read(request).orElseThrow();
        byte[] forJersey = request.getEntityStream().readAllBytes();

        assertThat(new String(forJersey, StandardCharsets.UTF_8), is(PING));
        assertThat(PostedBody.of(request, forJersey), sameInstance(read));
        assertThat(read.message(), instanceOf(JsonRpcMessage.Request.class));
        assertThat(read.message().methodName(), is(Optional.of("ping")));
    }

    @Test
    void ofWhenNotReadBeforeThenParsedHere() {
        PostedBody parsed = PostedBody.of(post(new byte[0]), PING.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.message().methodName(), is(Optional.of("ping")));
    }

    @Test
    void readWhenBodyOverTheCapThenEmpty() throws IOException {
        ContainerRequest request = post(new byte[PostedBody.MAX_BYTES + 1]);

        assertThat(PostedBody.read(request), is(Optional.empty()));
    }

    private static ContainerRequest post(byte[] body) {
        ContainerRequest request = new ContainerRequest(URI.create("http://127.0.0.1/"), URI.create("http://127.0.0.1/mcp"),
                                                        "POST", null, new MapPropertiesDelegate(), null);
        request.setEntityStream(new ByteArrayInputStream(body));
        return request;
    }
}
