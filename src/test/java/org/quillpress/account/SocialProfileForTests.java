package org.quillpress.account;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The profile of the sign-in tests: providers configured against the test OIDC server. */
public class SocialProfileForTests implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OidcServerResource.class));
    }
}
