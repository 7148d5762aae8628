package org.carbonalliance.telemetry.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.telemetry.impl.store.Retention;
import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The daily retention job: each tenant's raw readings beyond its retention go; rollups stay for ever. */
@Component(service = RetentionJob.class, configurationPid = "org.carbonalliance.telemetry")
@Designate(ocd = TelemetryConfig.class)
public class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final Database database;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "telemetry-retention");
        t.setDaemon(true);
        return t;
    });
    private volatile TelemetryConfig config;

    @Activate
    public RetentionJob(@Reference TelemetryDatabase telemetry, TelemetryConfig config) {
        this.database = telemetry.database();
        this.config = config;
        timer.scheduleAtFixedRate(this::runLogged, 10, TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
    }

    @Modified
    void configure(TelemetryConfig config) {
        this.config = config;
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    private void runLogged() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.error("Telemetry retention failed; it runs again tomorrow", e);
        }
    }

    /** @return raw readings deleted per tenant */
    Map<String, Integer> run() {
        Instant now = clock.instant();
        Map<String, Integer> overrides = overrides(config.tenantRetention());
        List<String> tenants = database.readAcrossTenants("telemetry: retention", em -> em.createQuery(
                "select distinct d.tenantId from Device d", String.class).getResultList());
        Map<String, Integer> deleted = new HashMap<>();
        for (String tenant : tenants) {
            int days = overrides.getOrDefault(tenant, config.rawRetentionDays());
            long cutoff = now.minus(Duration.ofDays(days)).toEpochMilli();
            int[] count = new int[1];
            database.inTransaction(em -> {
                em.unwrap(Session.class).doWork(c -> count[0] = Retention.purge(c, tenant, cutoff));
                return null;
            });
            if (count[0] > 0) {
                deleted.put(tenant, count[0]);
                LOG.info("Telemetry retention: {} raw readings of {} older than {} days deleted", count[0], tenant,
                        days);
            }
        }
        return deleted;
    }

    static Map<String, Integer> overrides(String[] entries) {
        Map<String, Integer> overrides = new HashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            String[] parts = entry.split("=");
            try {
                overrides.put(parts[0].strip(), Integer.parseInt(parts[1].strip()));
            } catch (RuntimeException e) {
                LOG.warn("Telemetry retention: ignoring '{}', expected tenantId=days", entry);
            }
        }
        return overrides;
    }
}
