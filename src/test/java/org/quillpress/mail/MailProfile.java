package org.quillpress.mail;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The one profile of every mail test: mail goes to a real SMTP server, and the delivery job runs every
 * second and retries after a second, so that the tests wait seconds rather than minutes.
 */
public class MailProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quillpress.mail.deliver-every", "1s",
                "quillpress.mail.retry-after", "1s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GreenMailResource.class));
    }
}
