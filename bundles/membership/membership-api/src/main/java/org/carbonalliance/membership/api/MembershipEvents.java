package org.carbonalliance.membership.api;

/** Event Admin topics and properties of the membership capability. */
public final class MembershipEvents {

    /** An application was approved: a tenant and its first member-admin exist. */
    public static final String APPROVED = "org/carbonalliance/membership/APPROVED";
    /** An application was rejected. */
    public static final String REJECTED = "org/carbonalliance/membership/REJECTED";

    /** A member was suspended: its users and keys are refused. */
    public static final String SUSPENDED = "org/carbonalliance/membership/SUSPENDED";
    /** A suspended member was reinstated. */
    public static final String REINSTATED = "org/carbonalliance/membership/REINSTATED";
    /** A member left the alliance. */
    public static final String WITHDRAWN = "org/carbonalliance/membership/WITHDRAWN";

    /** Property: the reason given for a suspension. */
    public static final String REASON = "reason";
    /** Property: the application id. */
    public static final String APPLICATION_ID = "applicationId";
    /** Property: the tenant id of the new member. */
    public static final String TENANT_ID = "tenantId";
    /** Property: the organisation's name. */
    public static final String ORGANISATION = "organisation";

    private MembershipEvents() {
    }
}
