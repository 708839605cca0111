package org.quillpress.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The download behind "Copy into the library", against a real HTTP server on loopback. */
class RemoteImagesTest {

    static final long LIMIT = 64 * 1024;

    private HttpServer server;
    private final CountDownLatch released = new CountDownLatch(1);
    private final byte[] image = TestImages.jpeg(40, 30);
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/image.jpg", exchange -> send(exchange, 200, "image/jpeg", image));
        server.createContext("/huge.jpg", exchange -> send(exchange, 200, "image/jpeg", new byte[(int) LIMIT + 1]));
        server.createContext("/hop", exchange -> {
            int n = Integer.parseInt(exchange.getRequestURI().getQuery());
            exchange.getResponseHeaders().add("Location", n == 0 ? "/image.jpg" : "/hop?" + (n - 1));
            send(exchange, 302, "text/plain", new byte[0]);
        });
        server.createContext("/inside", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            send(exchange, 301, "text/plain", new byte[0]);
        });
        server.createContext("/slow.jpg", exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(image, 0, 10);
                out.flush();
                released.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client hung up, as it should
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        released.countDown();
        server.stop(0);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    RemoteImages.Result fetch(RemoteImages remote, String path) {
        return remote.fetch(URI.create(path.contains(":") ? path : base + path));
    }

    static String refusal(RemoteImages.Result result) {
        assertThat(result).isInstanceOf(RemoteImages.Refused.class);
        return ((RemoteImages.Refused) result).reason();
    }

    @Test
    void anImageIsFetchedWithItsDeclaredTypeAndRedirectsAreFollowedUpToThree() {
        RemoteImages remote = new RemoteImages(LIMIT, true, Duration.ofSeconds(30));

        RemoteImages.Result direct = fetch(remote, "/image.jpg");
        RemoteImages.Result redirected = fetch(remote, "/hop?2");

        assertThat(direct).isInstanceOf(RemoteImages.Fetched.class);
        assertThat(((RemoteImages.Fetched) direct).bytes()).isEqualTo(image);
        assertThat(((RemoteImages.Fetched) direct).contentType()).isEqualTo("image/jpeg");
        assertThat(((RemoteImages.Fetched) redirected).bytes()).isEqualTo(image);
        assertThat(refusal(fetch(remote, "/hop?3"))).contains("redirects more than 3 times");
    }

    @Test
    void thisMachinePrivateNetworksAndRedirectsIntoThemAreRefused() {
        RemoteImages production = new RemoteImages(LIMIT, false, Duration.ofSeconds(30));
        assertThat(refusal(fetch(production, "/image.jpg"))).contains("private or local address");
        assertThat(refusal(fetch(production, "http://localhost:9/x.jpg"))).contains("private or local address");

        RemoteImages test = new RemoteImages(LIMIT, true, Duration.ofSeconds(30));
        assertThat(refusal(fetch(test, "/inside"))).contains("169.254.169.254", "private or local address");
        assertThat(refusal(fetch(test, "http://10.1.2.3/x.jpg"))).contains("private or local address");
        assertThat(refusal(fetch(test, "http://[fd00::1]/x.jpg"))).contains("private or local address");
        assertThat(refusal(fetch(test, "file:///etc/passwd"))).contains("Only http and https");
        assertThat(refusal(fetch(test, "http://user:secret@example.org/x.jpg"))).contains("user name");
    }

    @Test
    void onlyPublicAddressesCount() throws Exception {
        for (String address : new String[] { "127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1", "::1", "fe80::1", "fd12::1",
                "ff02::1", "::ffff:10.0.0.1", "172.31.255.255", "::", "fc00::1", "2002:a00:1::1", "64:ff9b::a00:1",
                "::10.0.0.1", "192.0.2.1", "203.0.113.9" }) {
            assertThat(RemoteImages.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
        for (String address : new String[] { "93.184.216.34", "1.1.1.1", "172.32.0.1", "2606:4700:4700::1111",
                "2002:5db8:d822::1" }) {
            assertThat(RemoteImages.isPublic(InetAddress.getByName(address))).as(address).isTrue();
        }
    }

    @Test
    void aFileOverTheLimitAndAServerTooSlowAreRefused() {
        RemoteImages remote = new RemoteImages(LIMIT, true, Duration.ofSeconds(30));
        // a second would do for the large file too, but not on a machine busy with other builds
        RemoteImages impatient = new RemoteImages(LIMIT, true, Duration.ofSeconds(1));

        assertThat(refusal(fetch(remote, "/huge.jpg"))).contains("larger than");
        // the whole download's deadline, or on a busy machine the socket's own read timeout first
        assertThat(refusal(fetch(impatient, "/slow.jpg"))).containsAnyOf("took longer than", "timed out");
    }
}
