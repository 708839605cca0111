package org.quillpress.media;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.awaitility.Awaitility;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real S3 API server (S3Proxy over an in-memory blob store) on a free loopback port, checking request
 * signatures like S3 does, for the tests of the S3 media store.
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "quillpress-media";
    static final String ACCESS_KEY = "test-access-key";
    static final String SECRET_KEY = "test-secret-key-that-s3proxy-checks";

    private static volatile BlobStoreContext context;
    private S3Proxy proxy;

    @Override
    public Map<String, String> start() {
        context = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .overrides(new Properties()).build(BlobStoreContext.class);
        context.getBlobStore().createContainerInLocation(null, BUCKET);
        proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0")).build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "STARTED".equals(proxy.getState()));
        return Map.of("quillpress.media.store", "s3",
                "quillpress.media.s3.endpoint", "http://127.0.0.1:" + proxy.getPort(),
                "quillpress.media.s3.bucket", BUCKET,
                "quillpress.media.s3.access-key", ACCESS_KEY,
                "quillpress.media.s3.secret-key", SECRET_KEY);
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        } finally {
            if (context != null) {
                context.close();
            }
        }
    }

    /** The bucket's contents, as the server holds them. */
    static BlobStore blobs() {
        return context.getBlobStore();
    }
}
