package org.carbonalliance.patentpool.impl;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The daily lapse watch (first run a minute after start), also the Gogo command {@code patentpool:lapse}. */
@Component(service = Object.class, immediate = true,
        property = {"osgi.command.scope=patentpool", "osgi.command.function=lapse"})
public class LapseWatch {

    private static final Logger LOG = LoggerFactory.getLogger(LapseWatch.class);

    private final Patents patents;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "alliance-lapse-watch");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public LapseWatch(@Reference Patents patents) {
        this.patents = patents;
        timer.scheduleAtFixedRate(this::runQuietly, 1, 24 * 60, TimeUnit.MINUTES);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    private void runQuietly() {
        try {
            LOG.info(lapse());
        } catch (RuntimeException e) {
            LOG.error("The lapse watch failed; it runs again tomorrow", e);
        }
    }

    @Descriptor("moves patents past their expiry to expired and lists those expiring within 12 months")
    public String lapse() {
        Patents.LapseReport report = patents.watchLapses();
        StringBuilder out = new StringBuilder("Lapse watch: " + report.expired().size() + " patent(s) expired "
                + report.expired() + ", " + report.expiringSoon().size() + " expiring within 12 months");
        report.expiringSoon().forEach(p -> out.append("\n  ").append(p.publicationNumber()).append(" expires ")
                .append(p.expiryDate()).append(" (").append(p.memberTenantId()).append(')'));
        return out.toString();
    }
}
