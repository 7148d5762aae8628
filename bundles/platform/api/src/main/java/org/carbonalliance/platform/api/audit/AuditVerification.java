package org.carbonalliance.platform.api.audit;

/**
 * The result of checking the audit chain.
 *
 * @param intact        whether every entry's hash matches its content and its predecessor
 * @param entries       how many entries were checked
 * @param firstBrokenSeq the sequence number of the first entry that does not match, or -1 when intact
 */
public record AuditVerification(boolean intact, long entries, long firstBrokenSeq) {
}
