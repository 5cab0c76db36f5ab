package dev.mcpauth.conformance.greybox;

import dev.mcpauth.conformance.http.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The grey-box helpers: token search in text and log files, and the mock upstream's memory. */
class GreyBoxTest {
    private static final String TOKEN = "eyJ0eXAiOiJhdCtqd3QifQ.c2VjcmV0LXBheWxvYWQtZm9yLXRlc3Rz.c2lnbmF0dXJl";

    private static Redactor redactor() {
        Redactor r = new Redactor();
        r.register(TOKEN);
        return r;
    }

    @Test
    void findSecretNamesTheMarkerForWholeTokensAndTwelveCharacterPiecesOnly() {
        Redactor r = redactor();
        assertThat(r.findSecret("Authorization: Bearer " + TOKEN)).contains(Redactor.marker(TOKEN));
        assertThat(r.findSecret("token prefix=" + TOKEN.substring(0, 12) + " rejected")).isPresent()
                .get().asString().contains("fragment");
        assertThat(r.findSecret("token prefix=" + TOKEN.substring(0, 11) + " rejected")).isEmpty();
        assertThat(r.findSecret("fingerprint=50b5d05b6b5a decision=deny")).isEmpty();
        assertThat(r.findSecret("")).isEmpty();
    }

    @Test
    void theLogScanCountsLinesAndNeverQuotesTheToken(@TempDir Path dir) throws IOException {
        Path log = Files.writeString(dir.resolve("server.log"), "start\nGET /mcp fingerprint=50b5d05b6b5a\n"
                + "POST /mcp prefix=" + TOKEN.substring(20, 40) + "\nPOST /mcp " + TOKEN + "\n");
        ServerLogScan.Result scan = ServerLogScan.scan(log, redactor());
        assertThat(scan.clean()).isFalse();
        assertThat(scan.count()).isEqualTo(2);
        assertThat(scan.findings()).containsExactly("line 3: " + Redactor.marker(TOKEN).replace("token", "token fragment"),
                "line 4: " + Redactor.marker(TOKEN));
        assertThat(String.join(" ", scan.findings())).doesNotContain(TOKEN.substring(20, 32));
        Path clean = Files.writeString(dir.resolve("clean.log"), "GET /mcp fingerprint=50b5d05b6b5a\n");
        assertThat(ServerLogScan.scan(clean, redactor()).clean()).isTrue();
    }

    @Test
    void theMockUpstreamRemembersEveryRequest() throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (UpstreamMock mock = UpstreamMock.start(port)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(mock.url() + "data?q=1")).header("Authorization", "Bearer own-credential")
                    .POST(HttpRequest.BodyPublishers.ofString("payload")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(UpstreamMock.BODY);
            assertThat(mock.received()).hasSize(1);
            UpstreamMock.Received got = mock.received().get(0);
            assertThat(got.method()).isEqualTo("POST");
            assertThat(got.uri()).isEqualTo("/data?q=1");
            assertThat(got.texts()).contains("payload", "Authorization: Bearer own-credential");
        }
    }
}
