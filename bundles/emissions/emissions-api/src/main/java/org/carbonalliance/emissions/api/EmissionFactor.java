package org.carbonalliance.emissions.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One published emission factor: how much of one gas an activity emits per unit, and where that figure comes from.
 *
 * @param key             stable identifier within its source (lowercase letters, digits, hyphens, at most 150),
 *                        kept across corrections: a later figure (or provenance) under the same key supersedes the
 *                        earlier one
 * @param activityType    what is measured, from the platform's vocabulary: {@code stationary-combustion/<fuel>},
 *                        {@code mobile-combustion/<fuel>}, {@code electricity}, {@code electricity-residual-mix},
 *                        {@code heat}, {@code steam}, {@code cooling}, {@code well-to-tank/<fuel>},
 *                        {@code freight/<mode>}, {@code travel/<mode>}, {@code material/<material>},
 *                        {@code waste/<stream>}, {@code process/<process>}, {@code spend/<sector>}; a new item
 *                        ({@code process/clinker}) is fine in the same pattern
 * @param region          {@code GLOBAL}, an ISO 3166-1 country ({@code CN}), an ISO 3166-2 subdivision
 *                        ({@code CN-GD}), or a grid region ({@code CN-EAST}, {@code US-CAMX})
 * @param gas             {@code CO2}, {@code CH4} (fossil), {@code CH4-non-fossil}, {@code N2O}, an HFC
 *                        ({@code HFC-134a}) or blend ({@code R-410A}), a PFC ({@code PFC-14}), {@code SF6},
 *                        {@code NF3}, {@code CO2-biogenic} (CO2 from biomass, reported outside the scopes), or
 *                        {@code CO2e} when the publisher gives only a CO2e total
 * @param value           the figure, exactly as published (not negative; at most 12 decimal places and 26 integer
 *                        digits)
 * @param numeratorUnit   the mass of the gas: {@code g}, {@code kg}, {@code t}, {@code lb}; or {@code kg CO2e},
 *                        {@code t CO2e} when the figure is already CO2e (the GWP set then does not apply to it)
 * @param denominatorUnit the unit of activity: energy ({@code kWh MWh GJ TJ MMBtu therm}), volume
 *                        ({@code l m3 scf gal}), mass, distance ({@code km mile}), {@code passenger-km},
 *                        {@code tonne-km}, or an ISO 4217 currency code for spend-based factors
 * @param validYear       the year the figure describes (1990-2100), or {@code null} when it applies to any year
 *                        (IPCC defaults)
 * @param publishedYear   the year it was published
 * @param publisher       who published it, such as {@code Ministry of Ecology and Environment of China}
 * @param document        the document's title (and number), so a reader can find it
 * @param table           the table or section within the document
 * @param note            anything a checker needs (calorific basis, edition), or {@code null}
 */
public record EmissionFactor(String key, String activityType, String region, String gas, BigDecimal value,
        String numeratorUnit, String denominatorUnit, Integer validYear, int publishedYear, String publisher,
        String document, String table, String note) {

    public EmissionFactor {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(activityType, "activityType");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(gas, "gas");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(numeratorUnit, "numeratorUnit");
        Objects.requireNonNull(denominatorUnit, "denominatorUnit");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(table, "table");
    }
}
