package org.carbonalliance.telemetry.impl;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.carbonalliance.platform.api.validation.SingleLine;

/** The request and response bodies of {@code /api/telemetry}. */
final class TelemetryRecords {

    static final String TYPES = "electricity-meter|heat-meter|fuel-flow-meter|temperature-sensor|co2-sensor|other";
    static final String METRIC = "[A-Za-z0-9][A-Za-z0-9_.-]{0,59}";

    private TelemetryRecords() {
    }

    record DeviceForm(@NotBlank @Size(min = 1, max = 200) @SingleLine String name,
            @NotNull @Pattern(regexp = TYPES, message = "one of " + TYPES) String type,
            @Size(max = 36) String facilityId,
            @NotEmpty @Size(max = 50) Map<@Pattern(regexp = METRIC, message = "metric names are letters, digits, "
                    + "'_', '.', '-', at most 60") String,
                    @NotNull @Pattern(regexp = "[A-Za-z0-9%/_.-]{1,20}", message = "a SenML unit such as kWh, W, "
                            + "Cel, ppm, m3") String> metrics) {
    }

    record LastValue(double value, Instant at) {
    }

    record DeviceView(String id, String name, String type, String facilityId, Map<String, String> metrics,
            boolean hasToken, Instant tokenIssuedAt, Instant lastSeenAt, Map<String, LastValue> lastValues,
            String state) {
    }

    /** A new device, or a rotated token: the token is shown this once. */
    record DeviceWithToken(DeviceView device, String token) {
    }

    record IngestResult(int received, int stored, int duplicates) {
    }

    record SeriesPoint(Instant t, Double value, Long count, Double min, Double max, Double mean, Double sum,
            Double first, Double last) {
    }

    record Series(String device, String metric, String unit, String resolution, Instant from, Instant to,
            List<SeriesPoint> points) {
    }

    record MonthForm(@NotNull @Pattern(regexp = "(19|20)\\d\\d-(0[1-9]|1[0-2])", message = "a month such as 2026-02")
            String month) {
    }

    /** A meter's month as it went into the inventory. */
    record MeteredMonthView(String device, String facilityId, String month, java.math.BigDecimal kwh, int readings,
            java.math.BigDecimal coveragePercent, List<String> gaps, int resets, String sha256, boolean flagged,
            String activityId) {
    }
}
