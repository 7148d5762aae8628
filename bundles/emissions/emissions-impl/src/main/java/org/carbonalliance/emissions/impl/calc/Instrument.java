package org.carbonalliance.emissions.impl.calc;

import java.math.BigDecimal;

/**
 * A contractual instrument for the market-based scope 2 figure: a green electricity certificate (GEC, REC, GO,
 * I-REC), a power purchase agreement, a green tariff or a supplier-specific factor.
 *
 * @param energy          {@code electricity}, {@code heat}, {@code steam} or {@code cooling}
 * @param mwh             the consumption it covers
 * @param tco2ePerMwh     its emission rate (0 for renewable certificates and PPAs)
 */
public record Instrument(String id, String facilityId, int year, String type, String energy, BigDecimal mwh,
        BigDecimal tco2ePerMwh, String reference) {
}
