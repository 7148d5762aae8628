package org.carbonalliance.patentpool.impl;

import java.util.List;
import java.util.Optional;
import org.carbonalliance.patentpool.impl.PatentRecords.PatentChange;
import org.carbonalliance.patentpool.impl.PatentRecords.PatentRequest;
import org.carbonalliance.patentpool.impl.PatentRecords.PatentView;
import org.carbonalliance.platform.api.security.AlliancePrincipal;

/**
 * The pool's records: contribution by a member (or the secretariat for one), the public record, the owner's changes
 * and withdrawal with notice. Client errors are {@code ApiException}s (400 naming the fields, 403, 404, 409).
 */
public interface Patents {

    PatentView contribute(PatentRequest request, AlliancePrincipal caller);

    /** @return the patent as anyone sees it (a cross-tenant, read-only, logged view) */
    Optional<PatentView> find(String publicationNumber);

    /** @return the caller's own patents (operators: every patent) */
    List<PatentView> own(AlliancePrincipal caller);

    /**
     * Refuses with 404 unless the caller's organisation owns the patent (the secretariat: unless it exists): checked
     * before a change's body is read.
     */
    void checkOwner(String publicationNumber, AlliancePrincipal caller);

    PatentView change(String publicationNumber, PatentChange change, AlliancePrincipal caller);

    PatentView withdraw(String publicationNumber, String reason, AlliancePrincipal caller);

    /**
     * @return the pool's terms as a CNIPA open-licence declaration
     * @throws org.carbonalliance.platform.api.web.ApiException 404 when not in the pool, 409 unless it is a granted
     *                                                          Chinese patent whose withdrawal has not taken effect
     */
    OpenLicenceDeclaration declaration(String publicationNumber);

    /** What storing an imported record did. */
    enum Stored { IMPORTED, UPDATED, UNCHANGED }

    /**
     * Stores an imported record for {@code tenant}: checked as a contribution is, added when the publication is not
     * pooled yet, otherwise updated in place when the same member pooled it (a re-import changes nothing that did not
     * change). Joins the caller's atomic work when there is one.
     *
     * @throws org.carbonalliance.platform.api.web.ApiException 400 naming the problems, also when another member
     *                                                          pooled the publication
     */
    Stored store(org.carbonalliance.patentpool.api.PatentData data, String tenant, AlliancePrincipal caller,
            boolean demo);

    /** @return granted or pending patents whose term ends within 12 months, soonest first (at most 500) */
    List<PatentView> expiringWithinYear();

    /** @return publication numbers of granted and pending patents (not demo ones), for the office status check */
    List<String> inForce();

    /**
     * Records the legal status an office reports (through a {@link org.carbonalliance.patentpool.api.PatentSource}),
     * audited with the source's name, with a STATUS_CHANGED event.
     *
     * @return whether the status changed
     */
    boolean recordOfficeStatus(String publicationNumber, String status, String source);

    /** The lapse watch's findings: patents just moved to expired, and those expiring within a year. */
    record LapseReport(List<String> expired, List<PatentView> expiringSoon) {
    }

    /**
     * Moves every patent past its expiry date to {@code expired} (with STATUS_CHANGED events) and lists those that
     * expire within 12 months. Runs daily, and from Gogo as {@code patentpool:lapse}.
     */
    LapseReport watchLapses();
}
