package org.carbonalliance.platform.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.Test;

public class BasicCredentialsTest {

    private static String basic(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void parsesUserAndPasswordWithColons() {
        BasicCredentials c = BasicCredentials.parse(basic("admin:pa:ss")).orElseThrow();
        assertEquals("admin", c.username());
        assertEquals("pa:ss", c.password());
    }

    @Test
    public void rejectsOtherSchemesAndGarbage() {
        assertTrue(BasicCredentials.parse(null).isEmpty());
        assertTrue(BasicCredentials.parse("Bearer abc").isEmpty());
        assertTrue(BasicCredentials.parse("Basic !!!").isEmpty());
        assertTrue(BasicCredentials.parse(basic("nocolon")).isEmpty());
    }
}
