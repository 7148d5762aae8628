package org.carbonalliance.platform.api.security;

import java.time.Instant;

/**
 * A member organisation's tenant.
 *
 * @param id        stable identifier, the value of every tenant-owned row's tenant column
 * @param name      the organisation's name
 * @param suspended whether its users and keys are refused
 * @param createdAt when it was created
 */
public record Tenant(String id, String name, boolean suspended, Instant createdAt) {
}
