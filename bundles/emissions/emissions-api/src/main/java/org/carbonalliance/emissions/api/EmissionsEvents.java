package org.carbonalliance.emissions.api;

/**
 * Topics emissions posts on EventAdmin when a report changes state. Every event carries {@link #TENANT},
 * {@link #REPORT}, {@link #YEAR} and {@link #VERSION}.
 */
public final class EmissionsEvents {

    /** A member submitted a report for verification. */
    public static final String REPORT_SUBMITTED = "org/carbonalliance/emissions/REPORT_SUBMITTED";
    /** A verifier recorded its opinion. */
    public static final String REPORT_VERIFIED = "org/carbonalliance/emissions/REPORT_VERIFIED";
    /** A member published a verified report: it now counts in the alliance roll-up. */
    public static final String REPORT_PUBLISHED = "org/carbonalliance/emissions/REPORT_PUBLISHED";
    /** A member started a correction: a new draft version of a submitted report. */
    public static final String REPORT_CORRECTED = "org/carbonalliance/emissions/REPORT_CORRECTED";

    /** Property: the member's tenant id. */
    public static final String TENANT = "tenant";
    /** Property: the report id. */
    public static final String REPORT = "report";
    /** Property: the reporting year (Integer). */
    public static final String YEAR = "year";
    /** Property: the report version (Integer). */
    public static final String VERSION = "version";

    private EmissionsEvents() {
    }
}
