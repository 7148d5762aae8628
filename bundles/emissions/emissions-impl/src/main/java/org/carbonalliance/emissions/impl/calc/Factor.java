package org.carbonalliance.emissions.impl.calc;

import java.math.BigDecimal;

/**
 * One version of a stored emission factor.
 *
 * @param id the version's id, {@code <source>:<key>@<version>}
 */
public record Factor(String id, String source, String key, int version, String activityType, String region,
        String gas, BigDecimal value, String numeratorUnit, String denominatorUnit, Integer validYear,
        String publisher, String document, String table) {

    /** @return whether the figure is already CO2e (the GWP set does not apply) */
    public boolean isCo2e() {
        return numeratorUnit.endsWith(" CO2e");
    }

    /** @return the unit of mass the figure is in ({@code kg} of {@code kg CO2e}) */
    public String massUnit() {
        return isCo2e() ? numeratorUnit.substring(0, numeratorUnit.length() - " CO2e".length()) : numeratorUnit;
    }

    /** @return the publisher, document and table, for a result line */
    public String citation() {
        return publisher + ", " + document + ", " + table;
    }
}
