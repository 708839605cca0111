package org.quillpress.mail;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The one profile of every mail test: mail goes to a real SMTP server and the delivery job runs every second
 * (tests also run it themselves, see {@link Inbox}). A failed mail waits ten minutes, longer than any test takes,
 * so that only a test that moves the clock sees it tried again.
 */
public class MailProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quillpress.mail.deliver-every", "1s",
                "quillpress.mail.retry-after", "10m");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GreenMailResource.class));
    }
}
