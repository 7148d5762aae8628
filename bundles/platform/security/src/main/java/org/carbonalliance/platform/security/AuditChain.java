package org.carbonalliance.platform.security;

import org.carbonalliance.platform.api.audit.AuditVerification;
import org.carbonalliance.platform.api.security.Secrets;

/** The hash chain of the audit log: each entry's hash covers its content and its predecessor's hash. */
final class AuditChain {

    /** The predecessor hash of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(AuditEntry entry) {
        return Secrets.sha256Hex(entry.canonical());
    }

    /** Checks entries given in sequence order, starting from the first. */
    static AuditVerification verify(Iterable<AuditEntry> entries) {
        String expectedPrev = GENESIS;
        long expectedSeq = 1;
        long count = 0;
        for (AuditEntry entry : entries) {
            boolean ok = entry.seq() == expectedSeq && entry.prevHash().equals(expectedPrev)
                    && entry.hash().equals(hash(entry));
            if (!ok) {
                return new AuditVerification(false, count, entry.seq());
            }
            expectedPrev = entry.hash();
            expectedSeq++;
            count++;
        }
        return new AuditVerification(true, count, -1);
    }
}
