package org.carbonalliance.platform.security;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class SameOriginTest {

    @Test
    public void theServersOwnOriginMatches() {
        assertTrue(SameOrigin.matches("http://console.example:8080", "http", "console.example", 8080));
        assertTrue(SameOrigin.matches("http://Console.Example:8080/system/console/bundles", "http", "console.example",
                8080));
        assertTrue("default ports", SameOrigin.matches("https://console.example", "https", "console.example", 443));
    }

    @Test
    public void otherHostsPortsAndOpaqueOriginsDoNot() {
        assertFalse(SameOrigin.matches("http://evil.example", "http", "console.example", 8080));
        assertFalse(SameOrigin.matches("http://console.example:9090", "http", "console.example", 8080));
        assertFalse(SameOrigin.matches("http://console.example.evil.example:8080", "http", "console.example", 8080));
        assertFalse(SameOrigin.matches("null", "http", "console.example", 8080));
        assertFalse(SameOrigin.matches("not a uri at all", "http", "console.example", 8080));
    }
}
