package org.quillpress.cache;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;
import org.quillpress.web.PublicPage;

/**
 * A public page, for tests only, whose rendering the test holds until it says so and counts: the way to have
 * many requests arrive while one render is under way.
 */
@Path("/cache-probe-slow")
@Produces(MediaType.TEXT_HTML)
public class SlowPageProbe {

    public static final String PATH = "/cache-probe-slow";

    static final AtomicInteger RENDERS = new AtomicInteger();
    static volatile CountDownLatch release = new CountDownLatch(0);

    /** Holds every render from now until {@link #release()}; counts from zero. */
    static void hold() {
        RENDERS.set(0);
        release = new CountDownLatch(1);
    }

    static void release() {
        release.countDown();
    }

    @GET
    @PublicPage
    public String page(@RestQuery String run) throws InterruptedException {
        RENDERS.incrementAndGet();
        release.await(30, TimeUnit.SECONDS);
        return "<!DOCTYPE html><title>Slow</title><p>Rendered for run " + run + "</p>";
    }
}
