package ${package};

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.carbonalliance.platform.api.persistence.TenantOwned;

/**
 * A measurement a member records. Tenant-owned: extending {@link TenantOwned} is all it takes for the platform to
 * fill in the member's tenant on insert and to keep every other member's rows out of reach.
 */
@Entity
@Table(name = "${artifactId.replace('-', '_')}_observation")
public class Observation extends TenantOwned {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "sample", length = 200, nullable = false)
    private String sample;

    @Column(name = "co2_kg", precision = 19, scale = 6, nullable = false)
    private BigDecimal co2Kg;

    @Column(name = "measured_on", nullable = false)
    private LocalDate measuredOn;

    @Column(name = "recorded_by", length = 320, nullable = false)
    private String recordedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Observation() {
        // for Jakarta Persistence
    }

    public Observation(String sample, BigDecimal co2Kg, LocalDate measuredOn, String recordedBy) {
        this.id = UUID.randomUUID().toString();
        this.sample = sample;
        this.co2Kg = co2Kg;
        this.measuredOn = measuredOn;
        this.recordedBy = recordedBy;
        this.createdAt = Instant.now();
    }

    public String getId() {
        return id;
    }

    public String getSample() {
        return sample;
    }

    public BigDecimal getCo2Kg() {
        return co2Kg;
    }

    public LocalDate getMeasuredOn() {
        return measuredOn;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
