package org.carbonalliance.platform.api.audit;

import java.time.Instant;

/**
 * One audit log entry as read back.
 *
 * @param seq      position in the chain, from 1
 * @param at       when it was recorded
 * @param actor    who acted ({@code anonymous} when nobody was logged in)
 * @param tenantId the tenant concerned, or {@code null}
 * @param action   what happened
 * @param target   what it happened to
 * @param before   the state before, JSON text or {@code null}
 * @param after    the state after, JSON text or {@code null}
 */
public record AuditRecord(long seq, Instant at, String actor, String tenantId, String action, String target,
        String before, String after) {
}
