package org.carbonalliance.platform.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class ApiKeyTokenTest {

    @Test
    public void generatedTokenParsesBackAndMatchesItsHash() {
        ApiKeyToken token = ApiKeyToken.generate();
        ApiKeyToken parsed = ApiKeyToken.parse(token.text()).orElseThrow();
        assertEquals(token, parsed);
        assertTrue(parsed.matches(token.secretHash()));
        assertEquals(64, token.secretHash().length());
        assertFalse("the hash is not the secret", token.secretHash().contains(token.secret()));
    }

    @Test
    public void otherSecretDoesNotMatch() {
        ApiKeyToken a = ApiKeyToken.generate();
        ApiKeyToken b = new ApiKeyToken(a.id(), ApiKeyToken.generate().secret());
        assertNotEquals(a.secretHash(), b.secretHash());
        assertFalse(b.matches(a.secretHash()));
    }

    @Test
    public void malformedTextIsNoToken() {
        String good = ApiKeyToken.generate().text();
        assertTrue(ApiKeyToken.parse(null).isEmpty());
        assertTrue(ApiKeyToken.parse("").isEmpty());
        assertTrue(ApiKeyToken.parse(good.substring(1)).isEmpty());
        assertTrue(ApiKeyToken.parse(good + "x").isEmpty());
        assertTrue(ApiKeyToken.parse(good.replace("cak_", "xak_")).isEmpty());
        assertTrue(ApiKeyToken.parse("cak_ZZZZZZZZZZZZZZZZ" + good.substring(20)).isEmpty());
    }

    @Test
    public void toStringHidesTheSecret() {
        ApiKeyToken token = ApiKeyToken.generate();
        assertFalse(token.toString().contains(token.secret()));
    }
}
