package org.carbonalliance.platform.security;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class PasswordPolicyTest {

    @Test
    public void acceptsStrongPasswords() {
        assertTrue(PasswordPolicy.problem("Carbon-Peak-2030", "ana@tencent.example").isEmpty());
        assertTrue(PasswordPolicy.problem("correct horse battery staple", "ana@x.example").isEmpty());
    }

    @Test
    public void refusesWeakOnes() {
        assertFalse(PasswordPolicy.problem(null, "ana@x.example").isEmpty());
        assertFalse(PasswordPolicy.problem("Short-1", "ana@x.example").isEmpty());
        assertFalse(PasswordPolicy.problem("alllowercase1", "ana@x.example").isEmpty());
        assertFalse(PasswordPolicy.problem("Ana.Carbon.2060!", "ana.carbon@x.example").isEmpty());
        assertFalse(PasswordPolicy.problem("A1-" + "x".repeat(200), "ana@x.example").isEmpty());
    }
}
