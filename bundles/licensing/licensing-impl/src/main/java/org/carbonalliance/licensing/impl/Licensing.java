package org.carbonalliance.licensing.impl;

import java.util.List;
import java.util.Optional;
import org.carbonalliance.licensing.impl.LicensingRecords.AssertionForm;
import org.carbonalliance.licensing.impl.LicensingRecords.AssertionView;
import org.carbonalliance.licensing.impl.LicensingRecords.LicenceView;
import org.carbonalliance.licensing.impl.LicensingRecords.OfferForm;
import org.carbonalliance.licensing.impl.LicensingRecords.OfferView;
import org.carbonalliance.licensing.impl.LicensingRecords.ReportForm;
import org.carbonalliance.licensing.impl.LicensingRecords.ReportView;
import org.carbonalliance.licensing.impl.LicensingRecords.RequestForm;
import org.carbonalliance.licensing.impl.LicensingRecords.RequestView;
import org.carbonalliance.licensing.impl.LicensingRecords.Stats;
import org.carbonalliance.licensing.impl.LicensingRecords.Verification;
import org.carbonalliance.platform.api.security.AlliancePrincipal;

/**
 * Licensing: offers (ODRL terms, versioned), requests judged by the policies, licences with a verifiable digest,
 * reports and defensive termination. {@code caller} is null for an anonymous caller; {@code token} is a non-member's
 * status token. Client errors are {@code ApiException}s (400 naming every problem, 403, 404, 409).
 */
public interface Licensing {

    List<OfferView> offers();

    /** @return the offer's latest version, or the given one */
    Optional<OfferView> offer(String id, Integer version);

    OfferView createOffer(OfferForm form, AlliancePrincipal caller);

    /** A new version; licences granted on earlier versions keep theirs. */
    OfferView reviseOffer(String id, OfferForm form, AlliancePrincipal caller);

    RequestView request(RequestForm form, AlliancePrincipal caller);

    /** The caller's requests (the secretariat: all; with {@code state}, only those). */
    List<RequestView> requests(AlliancePrincipal caller, String state);

    Optional<RequestView> request(String id, AlliancePrincipal caller, String token);

    RequestView grant(String requestId, AlliancePrincipal caller);

    RequestView refuse(String requestId, String reason, AlliancePrincipal caller);

    /**
     * Licences the caller holds or grants (the secretariat: all), newest first, a page of them; with
     * {@code overdueOnly}, those of the page with an overdue report.
     */
    List<LicenceView> licences(AlliancePrincipal caller, boolean overdueOnly, int offset, int limit);

    Optional<LicenceView> licence(String id, AlliancePrincipal caller, String token);

    Verification verify(String id, AlliancePrincipal caller, String token);

    /** Refuses with 404 unless the caller's organisation holds the licence: checked before a body is read. */
    void checkLicensee(String licenceId, AlliancePrincipal caller);

    ReportView fileReport(String licenceId, ReportForm form, AlliancePrincipal caller);

    List<ReportView> reports(String licenceId, AlliancePrincipal caller);

    /** The licensee ends its own licence. */
    LicenceView withdraw(String licenceId, String reason, AlliancePrincipal caller);

    /** The secretariat suspends an active licence (a suspected breach) or reinstates a suspended one. */
    LicenceView suspend(String licenceId, boolean suspended, String reason, AlliancePrincipal caller);

    AssertionView recordAssertion(AssertionForm form, AlliancePrincipal caller);

    /** Terminates every active licence of the assertion's licensee (defensive termination). */
    AssertionView confirmAssertion(String id, AlliancePrincipal caller);

    Stats stats();

    LicensingRecords.Counts patentCounts(String publicationNumber);
}
