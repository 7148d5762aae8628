package org.carbonalliance.telemetry.impl;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.telemetry.api.DeviceTypes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each day during the first five days of a month, every electricity meter linked to a facility has the month before
 * recorded as scope 2 activity data (again each day, so readings that arrive late are counted; a month whose report
 * is already submitted is left as it is and logged).
 */
@Component(service = MonthlyMeterJob.class, immediate = true)
public class MonthlyMeterJob {

    private static final Logger LOG = LoggerFactory.getLogger(MonthlyMeterJob.class);
    static final int DAYS = 5;

    private final Database database;
    private final MeterScope2 meters;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "telemetry-monthly-meters");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public MonthlyMeterJob(@Reference TelemetryDatabase telemetry, @Reference MeterScope2 meters) {
        this.database = telemetry.database();
        this.meters = meters;
        timer.scheduleAtFixedRate(this::runLogged, 15, TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    private void runLogged() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (today.getDayOfMonth() <= DAYS) {
            try {
                run(YearMonth.from(today).minusMonths(1));
            } catch (RuntimeException e) {
                LOG.error("Monthly meter readings into scope 2 failed; it runs again tomorrow", e);
            }
        }
    }

    /** @return how many meters' months were recorded */
    int run(YearMonth month) {
        List<Object[]> meterList = database.readAcrossTenants("telemetry: monthly meters into scope 2", em -> em
                .createQuery("select d.id, d.tenantId from Device d where d.type = :t and d.facilityId is not null",
                        Object[].class).setParameter("t", DeviceTypes.ELECTRICITY_METER).getResultList());
        int recorded = 0;
        for (Object[] meter : meterList) {
            AlliancePrincipal job = new AlliancePrincipal("telemetry-monthly-job", (String) meter[1],
                    Set.of(Roles.MEMBER_ADMIN));
            try {
                CurrentPrincipal.supplyAs(job, () -> meters.recordMonth((String) meter[0], month));
                recorded++;
            } catch (ApiException e) {
                LOG.info("Meter {} for {} not recorded: {}", meter[0], month, e.getMessage());
            }
        }
        LOG.info("Monthly meters into scope 2: {} of {} meters recorded for {}", recorded, meterList.size(), month);
        return recorded;
    }
}
