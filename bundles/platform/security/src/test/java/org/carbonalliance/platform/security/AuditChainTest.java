package org.carbonalliance.platform.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.carbonalliance.platform.api.audit.AuditVerification;
import org.junit.Test;

public class AuditChainTest {

    private static List<AuditEntry> chain(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry e = new AuditEntry(i, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), "admin", null,
                    "identity.key-created", "k" + i, null, "{\"owner\":\"admin\"}", prev);
            entries.add(e);
            prev = e.hash();
        }
        return entries;
    }

    private static void set(Object target, String field, Object value) throws Exception {
        Field f = AuditEntry.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    @Test
    public void intactChainVerifies() {
        AuditVerification result = AuditChain.verify(chain(5));
        assertTrue(result.intact());
        assertEquals(5, result.entries());
        assertTrue(AuditChain.verify(List.of()).intact());
    }

    @Test
    public void alteredEntryIsFound() throws Exception {
        List<AuditEntry> entries = chain(5);
        set(entries.get(2), "target", "someone-else");
        AuditVerification result = AuditChain.verify(entries);
        assertFalse(result.intact());
        assertEquals(3, result.firstBrokenSeq());
        assertEquals(2, result.entries());
    }

    @Test
    public void removedEntryIsFound() {
        List<AuditEntry> entries = chain(5);
        entries.remove(1);
        assertEquals(3, AuditChain.verify(entries).firstBrokenSeq());
    }

    @Test
    public void rehashedAlterationStillBreaksTheNextLink() throws Exception {
        List<AuditEntry> entries = chain(4);
        set(entries.get(1), "actor", "intruder");
        set(entries.get(1), "hash", AuditChain.hash(entries.get(1)));
        assertEquals(3, AuditChain.verify(entries).firstBrokenSeq());
    }
}
