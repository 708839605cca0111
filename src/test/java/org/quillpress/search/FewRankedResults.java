package org.quillpress.search;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A search that ranks only the newest few matches, so that a test's handful of posts goes past the maximum. */
public class FewRankedResults implements QuarkusTestProfile {

    /** How many of the newest matches are ranked and counted. */
    static final int MAX = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quillpress.search.max-results", Integer.toString(MAX));
    }
}
