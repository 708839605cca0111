package org.quillpress.media;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The application with its media in an S3 bucket, served by S3Proxy, as several instances would run it. */
public class S3MediaProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3ProxyResource.class));
    }
}
