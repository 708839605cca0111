package org.quillpress.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * A real OIDC / OAuth2 server in the test JVM (mock-oauth2-server) with an interactive login form where a test
 * types the user and claims it wants. It plays two providers: a generic OpenID Connect one ("oidc", with ID
 * tokens and discovery) and a GitHub-style OAuth2 one that answers with user info only ("github").
 */
public class OidcServerResource implements QuarkusTestResourceLifecycleManager {

    private static volatile MockOAuth2Server server;
    private static volatile HttpServer gitHubTokens;

    @Override
    public Map<String, String> start() {
        server = new MockOAuth2Server(new OAuth2Config(true, null, null, false,
                new no.nav.security.mock.oauth2.token.OAuth2TokenProvider(), java.util.Set.of(),
                new no.nav.security.mock.oauth2.http.MockWebServerWrapper()));
        server.start();
        Map<String, String> config = new HashMap<>();
        config.put("quillpress.login.oidc.client-id", "quillpress-test");
        config.put("quillpress.login.oidc.client-secret", "a-client-secret-for-the-tests-only");
        config.put("quillpress.login.oidc.url", server.issuerUrl("oidc").toString());
        config.put("quillpress.login.oidc.name", "Test ID");
        config.put("quillpress.login.github.client-id", "quillpress-github-test");
        config.put("quillpress.login.github.client-secret", "another-client-secret-for-the-tests-only");
        config.put("quillpress.login.github.url", server.issuerUrl("github").toString());
        config.put("quillpress.login.github.authorization-path", "authorize");
        config.put("quillpress.login.github.token-path", startGitHubStyleTokenEndpoint());
        config.put("quillpress.login.github.user-info-path", "userinfo");
        // set up in part: no secret
        config.put("quillpress.login.google.client-id", "google-without-secret");
        // set up, but the provider cannot be reached
        config.put("quillpress.login.microsoft.client-id", "unreachable");
        config.put("quillpress.login.microsoft.client-secret", "unreachable-secret");
        config.put("quillpress.login.microsoft.url", "http://127.0.0.1:9/nowhere");
        return config;
    }

    @Override
    public void stop() {
        if (gitHubTokens != null) {
            gitHubTokens.stop(0);
        }
        if (server != null) {
            server.shutdown();
        }
    }

    /**
     * GitHub answers the code exchange with an access token only. The test server always adds an ID token, so
     * the "github" provider exchanges its code here: the request goes on to the test server unchanged, and its
     * answer comes back without the ID token. Everything else (login, user info) is the test server's own.
     */
    /** A code the "github" provider refuses to exchange. */
    static final String REFUSED_CODE = "refused-by-the-provider";

    private static String startGitHubStyleTokenEndpoint() {
        try {
            HttpClient client = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            URI upstream = URI.create(server.tokenEndpointUrl("github").toString());
            gitHubTokens = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            gitHubTokens.createContext("/token", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (new String(body, java.nio.charset.StandardCharsets.UTF_8).contains("code=" + REFUSED_CODE)) {
                    // a provider that will not exchange this code (down after the login, secret rotated, code refused)
                    byte[] refused = "{\"error\":\"invalid_grant\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(400, refused.length);
                    exchange.getResponseBody().write(refused);
                    exchange.close();
                    return;
                }
                HttpRequest.Builder forward = HttpRequest.newBuilder(upstream)
                        .header("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                if (authorization != null) {
                    forward.header("Authorization", authorization);
                }
                try {
                    HttpResponse<String> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofString());
                    ObjectNode tokens = (ObjectNode) json.readTree(answer.body());
                    tokens.remove("id_token");
                    byte[] out = json.writeValueAsBytes(tokens);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(answer.statusCode(), out.length);
                    exchange.getResponseBody().write(out);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    exchange.sendResponseHeaders(502, -1);
                } finally {
                    exchange.close();
                }
            });
            gitHubTokens.start();
            return "http://127.0.0.1:" + gitHubTokens.getAddress().getPort() + "/token";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockOAuth2Server server() {
        return server;
    }
}
