package org.carbonalliance.membership.api;

/** Event Admin topics and properties of the membership capability. */
public final class MembershipEvents {

    /** An application was approved: a tenant and its first member-admin exist. */
    public static final String APPROVED = "org/carbonalliance/membership/APPROVED";
    /** An application was rejected. */
    public static final String REJECTED = "org/carbonalliance/membership/REJECTED";

    /** Property: the application id. */
    public static final String APPLICATION_ID = "applicationId";
    /** Property: the tenant id of the new member. */
    public static final String TENANT_ID = "tenantId";
    /** Property: the organisation's name. */
    public static final String ORGANISATION = "organisation";

    private MembershipEvents() {
    }
}
