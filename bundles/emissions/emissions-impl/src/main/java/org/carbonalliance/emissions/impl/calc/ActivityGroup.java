package org.carbonalliance.emissions.impl.calc;

import java.math.BigDecimal;

/**
 * Activity records that share everything a calculation depends on, summed: emissions are linear in quantity, so a
 * group of a million records is calculated as one line (and the line says how many records it holds).
 *
 * @param gas      the gas of a direct entry (refrigerant loss, process or direct emission), else {@code null}
 * @param category {@code stationary}, {@code mobile}, {@code process}, {@code fugitive} (scope 1),
 *                 {@code electricity}, {@code heat}, {@code steam}, {@code cooling} (scope 2), {@code 1}-{@code 15}
 *                 (scope 3)
 */
public record ActivityGroup(String facilityId, int scope, String category, String activityType, String gas,
        String unit, int year, BigDecimal quantity, long records) {
}
