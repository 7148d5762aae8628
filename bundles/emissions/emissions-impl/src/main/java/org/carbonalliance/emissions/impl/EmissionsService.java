package org.carbonalliance.emissions.impl;

import java.time.Clock;
import java.util.List;
import org.carbonalliance.licensing.api.AvoidedEmissions;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.security.IdentityService;
import org.carbonalliance.platform.api.security.Tenant;
import org.carbonalliance.platform.api.validation.RecordValidator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Emissions' parts, wired once: inventory, bulk import, reports and verification, targets, roll-up. */
@Component(service = EmissionsService.class, configurationPid = "org.carbonalliance.emissions")
@Designate(ocd = EmissionsConfig.class)
public class EmissionsService {

    private static final Logger LOG = LoggerFactory.getLogger(EmissionsService.class);

    final Inventory inventory;
    final ActivityImport imports;
    final Reports reports;
    final Targets targets;
    final Rollup rollup;
    final FactorLibrary factors;
    final EmissionsConsole console;
    private final IdentityService identity;
    private volatile EmissionsConfig config;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AvoidedEmissions avoided;

    @Activate
    public EmissionsService(@Reference EmissionsDatabase emissions, @Reference FactorLibrary factors,
            @Reference AuditLog audit, @Reference EventAdmin events, @Reference IdentityService identity,
            @Reference RecordValidator validator, EmissionsConfig config) {
        Clock clock = Clock.systemUTC();
        this.config = config;
        this.factors = factors;
        this.identity = identity;
        this.inventory = new Inventory(emissions.database(), factors, clock);
        this.imports = new ActivityImport(emissions.database(), inventory, validator, clock);
        this.reports = new Reports(emissions.database(), factors, audit, events, clock);
        this.targets = new Targets(emissions.database(), clock, () -> this.config.significancePercent());
        this.rollup = new Rollup(emissions.database(), () -> this.config.minGroupSize(), this::memberName,
                this::avoidedByYear);
        this.console = new EmissionsConsole(emissions.database(), rollup, this::memberName);
    }

    @Modified
    void configure(EmissionsConfig config) {
        this.config = config;
    }

    EmissionsConfig config() {
        return config;
    }

    String memberName(String tenantId) {
        return identity.tenant(tenantId).map(Tenant::name).orElse(tenantId);
    }

    /** Licensing's figures when it is installed; a failure there leaves the column empty, not the roll-up. */
    private List<AvoidedEmissions.Year> avoidedByYear() {
        AvoidedEmissions source = avoided;
        if (source == null) {
            return List.of();
        }
        try {
            return source.reportedByYear();
        } catch (RuntimeException e) {
            LOG.warn("Avoided emissions from licensing are not available: {}", e.toString());
            return List.of();
        }
    }
}
