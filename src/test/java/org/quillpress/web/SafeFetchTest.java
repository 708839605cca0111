package org.quillpress.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The safe fetcher's rules, against an HTTP server on this machine's loopback address. */
class SafeFetchTest {

    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/small", exchange -> answer(exchange, 200, new byte[100]));
        server.createContext("/large", exchange -> answer(exchange, 200, new byte[5000]));
        server.createContext("/to-private", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            answer(exchange, 302, new byte[0]);
        });
        server.createContext("/to-small", exchange -> {
            exchange.getResponseHeaders().add("Location", "/small");
            answer(exchange, 301, new byte[0]);
        });
        server.createContext("/loop", exchange -> {
            exchange.getResponseHeaders().add("Location", "/loop?" + System.nanoTime());
            answer(exchange, 302, new byte[0]);
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body)
            throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void loopbackIsRefusedUnlessAllowed() throws IOException {
        try (SafeFetch strict = new SafeFetch(1000, false)) {
            assertThatThrownBy(() -> strict.get(base + "/small")).isInstanceOf(SafeFetch.Refused.class)
                    .hasMessageContaining("127.0.0.1");
        }
        try (SafeFetch forTests = new SafeFetch(1000, true)) {
            assertThat(forTests.get(base + "/small").bytes()).hasSize(100);
        }
    }

    @Test
    void aRedirectIsFollowedAndItsNewAddressCheckedAgain() throws IOException {
        try (SafeFetch fetch = new SafeFetch(1000, true)) {
            SafeFetch.Fetched fetched = fetch.get(base + "/to-small");
            assertThat(fetched.bytes()).hasSize(100);
            assertThatThrownBy(() -> fetch.get(base + "/to-private")).isInstanceOf(SafeFetch.Refused.class)
                    .hasMessageContaining("169.254.169.254");
            assertThatThrownBy(() -> fetch.get(base + "/loop")).isInstanceOf(IOException.class)
                    .isNotInstanceOf(SafeFetch.Refused.class);
        }
    }

    @Test
    void aBodyOverTheLimitIsRefused() throws IOException {
        try (SafeFetch fetch = new SafeFetch(1000, true)) {
            assertThatThrownBy(() -> fetch.get(base + "/large")).isInstanceOf(SafeFetch.Refused.class)
                    .hasMessageContaining("larger than 1000 bytes");
        }
    }

    @Test
    void onlyHttpAndHttpsWithAHostAndNoUserName() throws IOException {
        try (SafeFetch fetch = new SafeFetch(1000, true)) {
            for (String address : new String[] { "file:///etc/passwd", "ftp://example.org/a.jpg", "/relative.jpg",
                    "http://user:secret@example.org/a.jpg", "gopher://127.0.0.1:6379/" }) {
                assertThatThrownBy(() -> fetch.get(address)).as(address).isInstanceOf(SafeFetch.Refused.class);
            }
        }
    }

    @Test
    void privateLinkLocalMulticastAndReservedAddressesAreNeverFetched() throws UnknownHostException {
        for (String address : new String[] { "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.10",
                "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.251", "255.255.255.255", "198.18.0.1", "::",
                "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:10.0.0.1", "2002:a00:1::1",
                "64:ff9b::a00:1", "::10.0.0.1" }) {
            assertThat(SafeFetch.mayFetch(InetAddress.getByName(address), true)).as(address).isFalse();
        }
        assertThat(SafeFetch.mayFetch(InetAddress.getByName("127.0.0.1"), false)).isFalse();
        assertThat(SafeFetch.mayFetch(InetAddress.getByName("::1"), false)).isFalse();
        assertThat(SafeFetch.mayFetch(InetAddress.getByName("127.0.0.1"), true)).isTrue();
        for (String address : new String[] { "93.184.216.34", "1.1.1.1", "172.32.0.1", "2606:4700::1111",
                "2002:5db8:d822::1" }) {
            assertThat(SafeFetch.mayFetch(InetAddress.getByName(address), false)).as(address).isTrue();
        }
    }
}
