package org.quillpress.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Downloads a file from another site for the library, without letting an author reach what only the server
 * can: every address a host name resolves to must be public (no loopback, private, link-local, unique-local,
 * carrier-grade NAT, multicast or reserved address), and the connection goes to an address so checked (the
 * client asks {@link #resolve} and nothing else). Redirects are followed by hand, at most
 * {@link #MAX_REDIRECTS}, each target checked the same way. Connecting may take 5 s, the whole download 30 s,
 * and the body may not exceed the upload limit.
 * <p>
 * The API is one call, {@link #fetch}, answering the bytes and their declared type or why not.
 */
@ApplicationScoped
public class RemoteImages {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(30);
    static final int MAX_REDIRECTS = 3;

    /** What a fetch gave. */
    public sealed interface Result {
    }

    /** The body, and its Content-Type as the other site declared it (never trusted: uploads sniff the bytes). */
    public record Fetched(byte[] bytes, String contentType, URI from) implements Result {
    }

    /** Why nothing was fetched, in words for the author. */
    public record Refused(String reason) implements Result {
    }

    @Inject
    MediaConfig config;

    private CloseableHttpClient client;
    private long maxBytes;
    private boolean allowLoopback;
    private Duration total = TOTAL_TIMEOUT;

    RemoteImages() {
    }

    /** For tests without the application: a limit, loopback allowed or not, and a shorter total time. */
    RemoteImages(long maxBytes, boolean allowLoopback, Duration total) {
        this.maxBytes = maxBytes;
        this.allowLoopback = allowLoopback;
        this.total = total;
        this.client = build();
    }

    private synchronized CloseableHttpClient client() {
        if (client == null) {
            maxBytes = config.maxSize().asLongValue();
            allowLoopback = config.remote().allowLoopback();
            client = build();
        }
        return client;
    }

    private CloseableHttpClient build() {
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return RemoteImages.this.resolve(host);
            }

            @Override
            public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
                return Arrays.stream(resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                // never asked of the DNS: the name checked is the name used
                return host;
            }
        };
        Timeout connect = Timeout.of(CONNECT_TIMEOUT);
        Timeout read = Timeout.of(total);
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(checked)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                                .setSocketTimeout(read).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(connect)
                        .setResponseTimeout(read).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
                // no useSystemProperties(): a proxy from -Dhttp.proxyHost would resolve the name itself, unchecked
                .setUserAgent("Quillpress (copying an image an author chose)").build();
    }

    /** Downloads {@code uri}: the bytes and their declared type, or the reason it was refused. */
    public Result fetch(URI uri) {
        CloseableHttpClient http = client();
        long deadline = System.nanoTime() + total.toNanos();
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            String problem = checkAddress(current);
            if (problem != null) {
                return new Refused(problem);
            }
            HttpGet get = new HttpGet(current);
            get.setHeader("Accept", "image/*");
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new Refused("The other site took longer than " + total.toSeconds() + " s to answer.");
            }
            // the whole exchange, slow drip included, ends at the deadline
            CompletableFuture.delayedExecutor(left, TimeUnit.NANOSECONDS).execute(get::cancel);
            try {
                URI from = current;
                Object step = http.execute(get, response -> answer(response, from));
                if (step instanceof URI next) {
                    current = next;
                    continue;
                }
                return (Result) step;
            } catch (RefusedAddress e) {
                return new Refused(e.getMessage());
            } catch (IOException | RuntimeException e) {
                // a cancel at the deadline can surface as either, depending on where the exchange was
                if (e.getCause() instanceof RefusedAddress refused) {
                    return new Refused(refused.getMessage());
                }
                if (get.isCancelled()) {
                    return new Refused("The other site took longer than " + total.toSeconds() + " s to answer.");
                }
                return new Refused("The image could not be downloaded (" + reason(e) + ").");
            } finally {
                get.cancel();
            }
        }
        return new Refused("The address redirects more than " + MAX_REDIRECTS + " times.");
    }

    /** A result, or the next address of a redirect. */
    private Object answer(ClassicHttpResponse response, URI from) throws IOException {
        int status = response.getCode();
        if (status >= 300 && status < 400 && status != 304) {
            Header location = response.getFirstHeader("Location");
            if (location == null) {
                return new Refused("The other site answered " + status + " without saying where to go.");
            }
            try {
                return from.resolve(location.getValue().strip());
            } catch (IllegalArgumentException e) {
                return new Refused("The other site redirects to an address that is not valid.");
            }
        }
        if (status != 200) {
            return new Refused("The other site answered " + status + " instead of the image.");
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return new Refused("The other site sent no file.");
        }
        if (entity.getContentLength() > maxBytes) {
            return tooLarge();
        }
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                return tooLarge();
            }
            String type = entity.getContentType() == null ? "" : entity.getContentType();
            return new Fetched(bytes, type, from);
        }
    }

    private Refused tooLarge() {
        return new Refused("The image is larger than " + maxBytes / (1024 * 1024) + " MB, the limit for images.");
    }

    /** Why this address is not fetched, or null when its form is fine (its host is checked when resolved). */
    private static String checkAddress(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "Only http and https addresses can be copied.";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "The address has no host.";
        }
        if (uri.getUserInfo() != null) {
            return "Addresses with a user name or password are not fetched.";
        }
        return null;
    }

    /** Every address of {@code host}, each checked; one that is not public refuses the whole name. */
    InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new UnknownHostException("no address was found for " + host);
        }
        for (InetAddress address : addresses) {
            if (!allowed(address)) {
                throw new RefusedAddress(host);
            }
        }
        return addresses;
    }

    boolean allowed(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback;
        }
        return isPublic(address);
    }

    /**
     * An address anyone on the internet reaches: not this machine's, a private network's, a shared, reserved or
     * documentation range, IPv4 or IPv6, and not a private IPv4 address carried inside an IPv6 one (6to4, NAT64,
     * the old IPv4-compatible form).
     */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return publicIpv4(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return publicIpv4(b[2] & 0xff, b[3] & 0xff, b[4] & 0xff); // 6to4 carries an IPv4 address
            }
            boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                    && (b[3] & 0xff) == 0x9b;
            if (nat64) {
                return publicIpv4(b[12] & 0xff, b[13] & 0xff, b[14] & 0xff);
            }
            boolean embeddedIpv4 = true; // ::a.b.c.d
            for (int i = 0; i < 12; i++) {
                embeddedIpv4 &= b[i] == 0;
            }
            return !embeddedIpv4;
        }
        return false;
    }

    private static boolean publicIpv4(int a, int b, int c) {
        return !(a == 0 || a == 10 || a == 127 || a >= 224 // this network, private, loopback, multicast, reserved
                || a == 100 && b >= 64 && b <= 127 // shared address space (carrier-grade NAT)
                || a == 169 && b == 254 // link-local
                || a == 172 && b >= 16 && b <= 31 || a == 192 && b == 168 // private
                || a == 192 && b == 0 && (c == 0 || c == 2) // protocol assignments, documentation
                || a == 198 && (b == 18 || b == 19) // benchmarking
                || a == 198 && b == 51 && c == 100 || a == 203 && b == 0 && c == 113); // documentation
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A host name that leads to an address not fetched. */
    static final class RefusedAddress extends UnknownHostException {
        RefusedAddress(String host) {
            super(host + " leads to a private or local address, which is not fetched.");
        }
    }

    @PreDestroy
    synchronized void close() throws IOException {
        if (client != null) {
            client.close();
        }
    }
}
