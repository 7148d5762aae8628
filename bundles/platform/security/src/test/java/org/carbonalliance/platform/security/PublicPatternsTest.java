package org.carbonalliance.platform.security;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class PublicPatternsTest {

    @Test
    public void exactAndPrefixPatterns() {
        PublicPatterns patterns = new PublicPatterns();
        patterns.add(List.of("/health", "/membership/applications/*"));
        assertTrue(patterns.matches("/health"));
        assertFalse(patterns.matches("/health/secret"));
        assertTrue(patterns.matches("/membership/applications"));
        assertTrue(patterns.matches("/membership/applications/42"));
        assertFalse(patterns.matches("/membership/applicationsX"));
        assertFalse(patterns.matches("/features"));
        patterns.remove(List.of("/health"));
        assertFalse(patterns.matches("/health"));
    }

    @Test
    public void readsStringArrayAndCollectionProperties() {
        assertTrue(PublicPatterns.of(new String[] {"/a"}).contains("/a"));
        assertTrue(PublicPatterns.of(List.of("/b")).contains("/b"));
        assertTrue(PublicPatterns.of(null).isEmpty());
    }
}
