package org.carbonalliance.licensing.impl.terms;

import java.util.List;

/**
 * The rules of a licence offer — an ODRL {@code Offer} policy without its identity (uid, assigner, version).
 * Stored as plain JSON with Jackson; check with {@link TermsValidator} before use.
 *
 * @param permissions what the licensee may do (at least one)
 * @param prohibitions what the licensee must not do, with remedies
 * @param obligations policy-level duties that bind the licensee whether or not it exercises a permission
 */
public record OfferTerms(List<Rule> permissions, List<Rule> prohibitions, List<Rule> obligations) {

    public OfferTerms {
        permissions = Lists.copy(permissions);
        prohibitions = Lists.copy(prohibitions);
        obligations = Lists.copy(obligations);
    }
}
