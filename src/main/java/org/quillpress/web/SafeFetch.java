package org.quillpress.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

/**
 * Fetches a file from another site on the server's behalf without letting the address reach into the server's
 * own network: only http and https; the host is resolved here and every address it resolves to must be public
 * (no private, loopback, link-local, multicast or reserved range), and the connection goes to one of exactly those
 * addresses, so a name that resolves differently a second time gains nothing; redirects are followed a few times,
 * each new address checked the same way; connecting may take 5 s and the whole fetch 30 s; the body may not exceed
 * the size given. Loopback addresses are allowed only when the fetcher is made for tests (or by an admin's
 * setting) to allow them; private ones never are. One fetcher keeps a connection pool: close it when done.
 */
public final class SafeFetch implements AutoCloseable {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(30);
    public static final int MAX_REDIRECTS = 3;

    /** Ends fetches that run out of time, whatever they are waiting for. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "safe-fetch-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    /** What a fetch brought back: the address it ended at (after redirects), the declared type and the bytes. */
    public record Fetched(URI uri, String contentType, byte[] bytes) {
    }

    /** A fetch refused by a safety rule (address, scheme, size), as opposed to one that failed on the way. */
    public static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    /** The resolver's way of refusing an address: it may only throw UnknownHostException. */
    private static final class RefusedAddress extends UnknownHostException {
        RefusedAddress(String message) {
            super(message);
        }
    }

    private final long maxBytes;
    private final boolean allowLoopback;
    private final CloseableHttpClient client;

    /**
     * @param maxBytes the largest body accepted
     * @param allowLoopback whether loopback addresses may be fetched (tests, or an admin who asks for it)
     */
    public SafeFetch(long maxBytes, boolean allowLoopback) {
        this.maxBytes = maxBytes;
        this.allowLoopback = allowLoopback;
        int connect = (int) CONNECT_TIMEOUT.toMillis();
        this.client = HttpClients.custom().setDnsResolver(this::resolve).disableCookieManagement()
                .disableAuthCaching().setUserAgent("Quillpress media import").setMaxConnPerRoute(2)
                .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(connect)
                        .setConnectionRequestTimeout(connect).setSocketTimeout((int) TOTAL_TIMEOUT.toMillis())
                        .setRedirectsEnabled(true).setMaxRedirects(MAX_REDIRECTS).setCircularRedirectsAllowed(false)
                        .build())
                .build();
    }

    /** The body at {@code address}, fetched by the rules above; {@link Refused} when a rule forbids it. */
    public Fetched get(String address) throws IOException {
        URI uri = checkedUri(address);
        HttpGet get = new HttpGet(uri);
        HttpClientContext context = HttpClientContext.create();
        ScheduledFuture<?> deadline = DEADLINES.schedule(get::abort, TOTAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        try (CloseableHttpResponse response = client.execute(get, context)) {
            int status = response.getStatusLine().getStatusCode();
            if (status != 200) {
                throw new IOException(uri + " answered " + status);
            }
            HttpEntity entity = response.getEntity();
            if (entity == null) {
                throw new IOException(uri + " sent nothing");
            }
            if (entity.getContentLength() > maxBytes) {
                throw new Refused(uri + " is larger than " + maxBytes + " bytes");
            }
            byte[] bytes = read(entity.getContent(), uri);
            List<URI> redirects = context.getRedirectLocations();
            URI last = redirects == null || redirects.isEmpty() ? uri : redirects.get(redirects.size() - 1);
            String type = entity.getContentType() == null ? "" : entity.getContentType().getValue();
            return new Fetched(last, type, bytes);
        } catch (RefusedAddress e) {
            throw new Refused(e.getMessage());
        } catch (IOException e) {
            if (get.isAborted()) {
                throw new IOException(uri + " took longer than " + TOTAL_TIMEOUT.toSeconds() + " s");
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    private byte[] read(InputStream in, URI uri) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 14];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (out.size() + (long) n > maxBytes) {
                    throw new Refused(uri + " is larger than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** An absolute http or https address with a host and no user name in it. */
    static URI checkedUri(String address) throws Refused {
        URI uri;
        try {
            uri = new URI(address == null ? "" : address.strip());
        } catch (URISyntaxException e) {
            throw new Refused("\"" + address + "\" is not a valid address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("\"" + address + "\" is not an http or https address");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new Refused("\"" + address + "\" has no host name, or a user name in it");
        }
        return uri;
    }

    /** Every address of {@code host}, if all of them may be fetched; the connection is made to one of them. */
    private InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        for (InetAddress address : addresses) {
            if (!mayFetch(address, allowLoopback)) {
                throw new RefusedAddress(host + " is at " + address.getHostAddress()
                        + ", an address of a private or reserved network, which is never fetched");
            }
        }
        return addresses;
    }

    /** Whether an address is on the public internet (or loopback, when allowed). */
    static boolean mayFetch(InetAddress address, boolean allowLoopback) {
        if (address.isLoopbackAddress()) {
            return allowLoopback;
        }
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
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
            boolean embeddedIpv4 = true; // ::a.b.c.d, the old IPv4-compatible form
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

    @Override
    public void close() throws IOException {
        client.close();
    }
}
