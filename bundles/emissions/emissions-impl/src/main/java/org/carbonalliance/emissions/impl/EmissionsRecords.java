package org.carbonalliance.emissions.impl;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.carbonalliance.emissions.impl.factors.FactorRules;
import org.carbonalliance.platform.api.validation.Country;
import org.carbonalliance.platform.api.validation.SingleLine;

/** The request and response bodies of {@code /api/emissions}. */
final class EmissionsRecords {

    static final String BOUNDARIES = "operational-control|financial-control|equity-share";
    static final String INSTRUMENT_TYPES = "certificate|ppa|green-tariff|supplier-specific";
    static final String ENERGY = "electricity|heat|steam|cooling";
    static final String KIND = "absolute|intensity";
    static final String STEPS = "planning|risk-assessment|evidence-gathering|data-testing|evaluation";

    private EmissionsRecords() {
    }

    record ProfileForm(@NotNull @Pattern(regexp = BOUNDARIES, message = "one of " + BOUNDARIES) String boundary,
            @Country String country, @Size(max = 60) @SingleLine String sector, boolean disclose) {
    }

    record ProfileView(String boundary, String country, String sector, boolean disclose) {
    }

    record FacilityForm(@NotBlank @Size(min = 1, max = 200) @SingleLine String name,
            @NotNull @Country String country,
            @Pattern(regexp = FactorRules.REGION, message = "a grid region such as CN-EAST, CN-GD or US-CAMX")
            String gridRegion,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal equityPercent,
            Boolean operationalControl, Boolean financialControl) {
    }

    record FacilityView(String id, String name, String country, String gridRegion, BigDecimal equityPercent,
            boolean operationalControl, boolean financialControl) {
    }

    record PeriodForm(@Min(1990) @Max(2100) Integer year, @Size(min = 1, max = 100) @SingleLine String name,
            LocalDate startsOn, LocalDate endsOn,
            @Size(max = 20) Map<@Pattern(regexp = "[a-z0-9-]{1,60}", message = "metric names are kebab-case")
                    String, @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 24, fraction = 10)
                    BigDecimal> metrics) {
    }

    record MetricsForm(@NotNull @Size(max = 20)
            Map<@Pattern(regexp = "[a-z0-9-]{1,60}", message = "metric names are kebab-case") String,
                    @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 24, fraction = 10)
                    BigDecimal> metrics) {
    }

    record PeriodView(String id, String name, LocalDate startsOn, LocalDate endsOn, int revision, boolean locked,
            Map<String, BigDecimal> metrics) {
    }

    record ActivityForm(@NotBlank @Size(max = 36) String facilityId, @NotNull @Min(1) @Max(3) Integer scope,
            @Size(max = 20) String category,
            @NotBlank @Size(max = 100) @Pattern(regexp = FactorRules.ACTIVITY_TYPE,
                    message = "an activity type such as electricity or stationary-combustion/natural-gas")
            String activityType,
            @Size(max = 30) String gas,
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 10) BigDecimal quantity,
            @NotBlank @Size(max = 20) String unit, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
            @Size(max = 200) @SingleLine String method, @Size(max = 1000) @SingleLine String evidence,
            @Size(max = 1000) String dataQuality, @Size(max = 1000) String description) {
    }

    record ActivityView(String id, String facilityId, int scope, String category, String activityType, String gas,
            BigDecimal quantity, String unit, LocalDate startsOn, LocalDate endsOn, String method, String evidence,
            String dataQuality, String description, Instant createdAt, String createdBy) {
    }

    record ImportResult(int imported, int rows) {
    }

    record InstrumentForm(@NotBlank @Size(max = 36) String facilityId, @NotNull @Min(1990) @Max(2100) Integer year,
            @NotNull @Pattern(regexp = INSTRUMENT_TYPES, message = "one of " + INSTRUMENT_TYPES) String type,
            @Pattern(regexp = ENERGY, message = "one of " + ENERGY) String energy,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 10) BigDecimal mwh,
            @DecimalMin("0") @DecimalMax("10") @Digits(integer = 4, fraction = 10) BigDecimal tco2ePerMwh,
            @NotBlank @Size(min = 1, max = 200) @SingleLine String reference,
            @Size(max = 1000) @SingleLine String evidence) {
    }

    record InstrumentView(String id, String facilityId, int year, String type, String energy, BigDecimal mwh,
            BigDecimal tco2ePerMwh, String reference, String evidence) {
    }

    record InventoryReportForm(@NotBlank @Size(max = 36) String periodId) {
    }

    record CalculateForm(@Pattern(regexp = "AR5|AR6", message = "AR5 or AR6") String gwpSet,
            @Size(max = 100) List<@NotBlank @Size(max = 250) String> factorIds) {
    }

    record Totals(BigDecimal scope1, BigDecimal scope2Location, BigDecimal scope2Market, BigDecimal scope3) {
    }

    record OpinionView(String assurance, BigDecimal materialityPercent, String conclusion, String statement,
            String verifier, Instant at) {
    }

    record InventoryReportView(String id, String periodId, int year, int version, String state, String correctionReason,
            String supersededBy, String gwpSet, List<String> factorChoices, Instant calculatedAt, boolean stale,
            String calculationDigest, Totals totals, Instant submittedAt, Instant verifiedAt, Instant publishedAt,
            OpinionView opinion) {
    }

    record CorrectionForm(@NotBlank @Size(min = 1, max = 2000) String reason) {
    }

    record FindingForm(@NotNull @Pattern(regexp = STEPS, message = "one of " + STEPS) String step,
            @NotNull @Pattern(regexp = "observation|minor|material", message = "observation, minor or material")
            String severity,
            @NotBlank @Size(min = 1, max = 4000) String description) {
    }

    record FindingView(String id, String step, String severity, String description, Instant createdAt,
            String createdBy) {
    }

    record OpinionForm(@NotNull @Pattern(regexp = "reasonable|limited", message = "reasonable or limited")
            String assurance,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal materialityPercent,
            @NotNull @Pattern(regexp = "unmodified|modified|adverse|disclaimer",
                    message = "unmodified, modified, adverse or disclaimer") String conclusion,
            @NotBlank @Size(min = 1, max = 8000) String statement) {
    }

    record GrantForm(@NotBlank @Email @Size(max = 320) String verifier, @Size(max = 36) String reportId) {
    }

    record GrantView(String id, String verifier, String reportId, String grantedBy, Instant grantedAt) {
    }

    record AssignmentView(String grantId, String member, String reportId, Instant grantedAt,
            List<InventoryReportView> reports) {
    }

    record RecalculationCheck(boolean matches, String storedDigest, String recalculatedDigest,
            List<String> factorIds) {
    }

    record TargetForm(@NotBlank @Size(min = 1, max = 200) @SingleLine String name,
            @NotEmpty @Size(max = 3) List<@NotNull @Pattern(regexp = "scope1|scope2|scope3",
                    message = "scope1, scope2 or scope3") String> scopes,
            @Pattern(regexp = "location|market", message = "location or market") String scope2Basis,
            @NotNull @Pattern(regexp = KIND, message = "absolute or intensity") String kind,
            @Pattern(regexp = "[a-z0-9-]{1,60}", message = "a metric name of the periods") String intensityMetric,
            @NotNull @Min(1990) @Max(2100) Integer baseYear, @NotNull @Min(1990) @Max(2100) Integer targetYear,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal reductionPercent) {
    }

    record TargetView(String id, String name, List<String> scopes, String scope2Basis, String kind,
            String intensityMetric, int baseYear, int targetYear, BigDecimal reductionPercent) {
    }

    record ProgressYear(int year, int reportVersion, String state, BigDecimal emissions, BigDecimal metric,
            BigDecimal value, BigDecimal pathValue, BigDecimal reductionPercent, boolean onTrack) {
    }

    record ProgressView(TargetView target, BigDecimal baseValue, BigDecimal targetValue, List<ProgressYear> years,
            BigDecimal structuralChangePercent, BigDecimal significancePercent, boolean baseYearRecalculation,
            String message) {
    }

    record StructuralChangeForm(@NotNull LocalDate occurredOn,
            @NotNull @Pattern(regexp = "acquisition|divestment|outsourcing|insourcing|method-change|error-correction",
                    message = "acquisition, divestment, outsourcing, insourcing, method-change or error-correction")
            String kind,
            @NotBlank @Size(min = 1, max = 2000) String description,
            @NotNull @Digits(integer = 15, fraction = 6) BigDecimal baseYearImpactTco2e) {
    }

    record StructuralChangeView(String id, LocalDate occurredOn, String kind, String description,
            BigDecimal baseYearImpactTco2e) {
    }

    record SourceView(String id, String title, String state, int factors, int skipped, String message,
            Instant loadedAt) {
    }

    record FactorView(String id, String source, String key, int version, String activityType, String region,
            String gas, BigDecimal value, String numeratorUnit, String denominatorUnit, Integer validYear,
            int publishedYear, String publisher, String document, String table, String note, String supersededBy,
            boolean available) {
    }

    record FactorPage(int total, int offset, List<FactorView> items) {
    }

    /** An activity type a record may use; {@code direct} types are entered as a mass of gas, without a factor. */
    record ActivityTypeView(String activityType, boolean direct) {
    }

    record RollupYear(int year, int members, Totals totals, BigDecimal avoidedByLicensees) {
    }

    record RollupGroup(int year, String dimension, String group, int members, Totals totals) {
    }

    record DisclosedMember(String name, int year, int version, Totals totals) {
    }

    record RollupView(int minGroupSize, List<RollupYear> years, List<RollupGroup> groups,
            List<DisclosedMember> disclosedMembers, List<String> notes) {
    }
}
