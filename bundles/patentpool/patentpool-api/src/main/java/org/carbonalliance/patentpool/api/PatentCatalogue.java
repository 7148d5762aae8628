package org.carbonalliance.patentpool.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The pool's public catalogue, read-only, for other capabilities (licensing checks what a request names). A service of
 * the patent pool.
 *
 * @since 1.2
 */
@ProviderType
public interface PatentCatalogue {

    /**
     * What another capability needs to know of a pooled patent.
     *
     * @param publicationNumber   canonical DOCDB form
     * @param memberTenantId      the contributing member (the licensor)
     * @param legalStatus         status at the office
     * @param climateTags         Y02/Y04S tags, derived and set by hand
     * @param expiryDate          the term's last day, when known
     * @param withdrawalEffective the day a noticed withdrawal takes effect, or null
     * @param demo                made-up demonstration data
     */
    record PatentSummary(String publicationNumber, String memberTenantId, LegalStatus legalStatus,
            List<String> climateTags, LocalDate expiryDate, LocalDate withdrawalEffective, boolean demo) {

        public PatentSummary {
            climateTags = List.copyOf(climateTags);
        }

        /** @return whether the patent may be licensed on {@code day}: in the pool, granted or pending, in its term */
        public boolean licensable(LocalDate day) {
            return (withdrawalEffective == null || day.isBefore(withdrawalEffective))
                    && (legalStatus == LegalStatus.GRANTED || legalStatus == LegalStatus.PENDING)
                    && (expiryDate == null || !day.isAfter(expiryDate));
        }
    }

    /** @return the patent, in any usual spelling of its number, if it is (or was) in the pool */
    Optional<PatentSummary> find(String publicationNumber);

    /** @return the pooled patents carrying the climate tag (Y02E ...), withdrawn ones included, at most 10,000 */
    List<PatentSummary> withClimateTag(String climateTag);
}
