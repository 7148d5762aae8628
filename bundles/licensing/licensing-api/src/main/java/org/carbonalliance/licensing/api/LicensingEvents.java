package org.carbonalliance.licensing.api;

/** EventAdmin topics licensing posts, and their properties. */
public final class LicensingEvents {

    public static final String GRANTED = "org/carbonalliance/licensing/GRANTED";
    public static final String REFUSED = "org/carbonalliance/licensing/REFUSED";
    public static final String TERMINATED = "org/carbonalliance/licensing/TERMINATED";

    /** Property: the licence id (GRANTED, TERMINATED). */
    public static final String LICENCE_ID = "licenceId";
    /** Property: the request id. */
    public static final String REQUEST_ID = "requestId";
    /** Property: the licensee's tenant id, absent for a non-member. */
    public static final String LICENSEE_TENANT_ID = "licenseeTenantId";
    /** Property: the licensors' tenant ids, comma-separated. */
    public static final String LICENSOR_TENANT_IDS = "licensorTenantIds";
    /** Property: why (REFUSED, TERMINATED). */
    public static final String REASON = "reason";

    private LicensingEvents() {
    }
}
