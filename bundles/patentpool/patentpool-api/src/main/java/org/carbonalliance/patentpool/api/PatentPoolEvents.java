package org.carbonalliance.patentpool.api;

/** Events of the patent pool, posted through EventAdmin after the change has committed. */
public final class PatentPoolEvents {

    /** A member contributed a patent to the pool. */
    public static final String CONTRIBUTED = "org/carbonalliance/patentpool/CONTRIBUTED";
    /** A member gave notice of withdrawal; it takes effect at {@link #EFFECTIVE}. */
    public static final String WITHDRAWN = "org/carbonalliance/patentpool/WITHDRAWN";
    /** A patent's legal status changed. */
    public static final String STATUS_CHANGED = "org/carbonalliance/patentpool/STATUS_CHANGED";

    /** Property: the canonical publication number. */
    public static final String PUBLICATION_NUMBER = "publicationNumber";
    /** Property: the contributing member's tenant. */
    public static final String TENANT_ID = "tenantId";
    /** Property: the new legal status (wire form). */
    public static final String STATUS = "status";
    /** Property: when a withdrawal takes effect (ISO-8601 date). */
    public static final String EFFECTIVE = "effective";

    private PatentPoolEvents() {
    }
}
