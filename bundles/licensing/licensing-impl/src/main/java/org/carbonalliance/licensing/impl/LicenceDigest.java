package org.carbonalliance.licensing.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.carbonalliance.licensing.impl.LicensingRecords.Verification;
import org.carbonalliance.licensing.impl.terms.OfferTerms;
import org.carbonalliance.platform.api.security.Secrets;
import org.carbonalliance.platform.api.web.JsonText;

/**
 * A licence's canonical JSON (fixed field order, lists sorted, the offer's terms as granted) and its SHA-256 digest,
 * printed on the licence. Verifying recomputes the digest and compares the licence's columns with the document, so a
 * byte changed in either alone is found. The digest is not a signature: whoever can rewrite the database can rewrite
 * both; it proves a printed licence matches the record.
 */
final class LicenceDigest {

    /** The document the digest is taken of. */
    record Canonical(String licenceId, String requestId, String licenseeTenantId, String licenseeName,
            List<String> licensorTenantIds, List<String> patents, String offerId, int offerVersion, OfferTerms terms,
            List<String> countries, String intendedUse, LocalDate startsOn, LocalDate endsOn, Instant grantedAt) {
    }

    private LicenceDigest() {
    }

    static String canonical(String id, LicenceRequest r, List<String> licensors, List<String> patents, Offer offer,
            LocalDate start, LocalDate end, Instant grantedAt) {
        return JsonText.write(new Canonical(id, r.id(), r.licenseeTenant(), r.licenseeName(),
                licensors.stream().sorted().toList(), patents.stream().sorted().toList(), offer.id(),
                offer.version(), LicensingImpl.terms(offer), r.countries().stream().sorted().toList(),
                r.intendedUse(), start, end, grantedAt));
    }

    static Verification verify(Licence l) {
        String computed = Secrets.sha256Hex(l.canonicalJson());
        List<String> problems = new ArrayList<>();
        if (!computed.equals(l.digest())) {
            problems.add("the licence document does not match its digest");
        } else {
            Canonical c = JsonText.read(l.canonicalJson(), Canonical.class);
            check(problems, "licence id", c.licenceId(), l.id());
            check(problems, "request", c.requestId(), l.requestId());
            check(problems, "grant time", c.grantedAt(), l.grantedAt());
            check(problems, "licensee", c.licenseeTenantId(), l.licenseeTenant());
            check(problems, "licensee name", c.licenseeName(), l.licenseeName());
            check(problems, "licensors", c.licensorTenantIds(), l.licensors().stream().sorted().toList());
            check(problems, "patents", c.patents(), l.patents().stream().sorted().toList());
            check(problems, "offer", c.offerId() + "/v" + c.offerVersion(), l.offerId() + "/v" + l.offerVersion());
            check(problems, "start", c.startsOn(), l.startsOn());
            check(problems, "end", c.endsOn(), l.endsOn());
        }
        return new Verification(l.id(), l.digest(), computed, problems.isEmpty(),
                problems.isEmpty() ? null : String.join("; ", problems));
    }

    private static void check(List<String> problems, String what, Object inDocument, Object inRecord) {
        if (!Objects.equals(inDocument, inRecord)) {
            problems.add("the licence's " + what + " differs from the signed document");
        }
    }
}
