package org.quillpress.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail) on a free port of the loopback address, for the mail tests' profile. It
 * can be stopped and started again on the same port, to show what happens while the server is away.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private static volatile ServerSetup setup;
    private static volatile GreenMail server;

    @Override
    public Map<String, String> start() {
        setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        startSmtp();
        String port = Integer.toString(setup.getPort());
        return Map.of("quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", port,
                "quarkus.mailer.start-tls", "DISABLED",
                "quillpress.mail.smtp-host", "127.0.0.1");
    }

    @Override
    public void stop() {
        stopSmtp();
    }

    /** The running server; a new one after each {@link #startSmtp()}. */
    static GreenMail server() {
        return server;
    }

    static synchronized void startSmtp() {
        if (server == null) {
            GreenMail started = new GreenMail(setup);
            started.start();
            server = started;
        }
    }

    /** Stops the server: connections to its port are refused until {@link #startSmtp()}. */
    static synchronized void stopSmtp() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
