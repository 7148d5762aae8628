package org.carbonalliance.platform.security;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class PublicPatternsTest {

    @Test
    public void exactAndPrefixPatterns() {
        PublicPatterns patterns = new PublicPatterns();
        patterns.add(List.of("/health", "/membership/applications/*"), true);
        assertTrue(patterns.matches("/health"));
        assertFalse(patterns.matches("/health/secret"));
        assertTrue(patterns.matches("/membership/applications"));
        assertTrue(patterns.matches("/membership/applications/42"));
        assertFalse(patterns.matches("/membership/applicationsX"));
        assertFalse(patterns.matches("/features"));
        patterns.remove(List.of("/health"), true);
        assertFalse(patterns.matches("/health"));
    }

    @Test
    public void aProtectedServletBelowAPublicOneStaysProtected() {
        PublicPatterns patterns = new PublicPatterns();
        patterns.add(List.of("/health", "/health/*"), true);
        patterns.add(List.of("/health/details/*"), false);
        assertTrue(patterns.matches("/health"));
        assertTrue(patterns.matches("/health/other"));
        assertFalse(patterns.matches("/health/details"));
        assertFalse(patterns.matches("/health/details/x"));
        patterns.add(List.of("/health/*"), false);
        assertFalse("one protected servlet on the same pattern closes it", patterns.matches("/health/other"));
        patterns.remove(List.of("/health/details/*"), false);
        patterns.remove(List.of("/health/*"), false);
        assertTrue(patterns.matches("/health/details"));
    }

    @Test
    public void readsStringArrayAndCollectionProperties() {
        assertTrue(PublicPatterns.of(new String[] {"/a"}).contains("/a"));
        assertTrue(PublicPatterns.of(List.of("/b")).contains("/b"));
        assertTrue(PublicPatterns.of(null).isEmpty());
    }
}
