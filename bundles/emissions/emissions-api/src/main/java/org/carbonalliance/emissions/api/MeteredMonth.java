package org.carbonalliance.emissions.api;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * A meter's electricity consumption in one calendar month, with its provenance.
 *
 * @param facilityId      the emissions facility the meter measures
 * @param kwh             the consumption, kWh
 * @param deviceId        the meter's device id
 * @param deviceName      the meter's name, as its member registered it
 * @param readings        how many readings the figure rests on
 * @param coveragePercent the share of the month's hours with at least one reading
 * @param gaps            stretches without readings, as ISO-8601 intervals
 * @param sha256          SHA-256 of the readings used ("time-in-ms,value" lines), to check against the raw data
 * @param belowCoverage   coverage is under the configured threshold: the figure is flagged, not filled in
 * @since 1.1
 */
public record MeteredMonth(String facilityId, YearMonth month, BigDecimal kwh, String deviceId, String deviceName,
        int readings, BigDecimal coveragePercent, List<String> gaps, String sha256, boolean belowCoverage) {

    public MeteredMonth {
        Objects.requireNonNull(facilityId, "facilityId");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(kwh, "kwh");
        Objects.requireNonNull(deviceId, "deviceId");
        gaps = List.copyOf(gaps);
    }
}
