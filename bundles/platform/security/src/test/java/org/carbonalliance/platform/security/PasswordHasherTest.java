package org.carbonalliance.platform.security;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class PasswordHasherTest {

    @Test
    public void rightPasswordMatchesWrongDoesNot() {
        String hash = PasswordHasher.hash("correct horse battery");
        assertTrue(PasswordHasher.matches("correct horse battery", hash));
        assertFalse(PasswordHasher.matches("correct horse batterY", hash));
    }

    @Test
    public void saltedSoEqualPasswordsHashDifferently() {
        assertNotEquals(PasswordHasher.hash("same password"), PasswordHasher.hash("same password"));
    }

    @Test
    public void usesAtLeast210000IterationsAndNeverThePlainText() {
        String hash = PasswordHasher.hash("visible?");
        assertTrue(hash.startsWith("pbkdf2-sha256$"));
        assertTrue(Integer.parseInt(hash.split("\\$")[1]) >= 210_000);
        assertFalse(hash.contains("visible?"));
    }

    @Test
    public void malformedStoredHashNeverMatches() {
        assertFalse(PasswordHasher.matches("x", "plain"));
        assertFalse(PasswordHasher.matches("x", "md5$1$a$b"));
    }
}
