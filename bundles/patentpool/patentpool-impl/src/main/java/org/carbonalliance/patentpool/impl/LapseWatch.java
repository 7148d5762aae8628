package org.carbonalliance.patentpool.impl;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.Descriptor;
import org.carbonalliance.patentpool.api.PublicationNumber;
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

    /** A source that fails this many times in a row is not asked again until the next run. */
    private static final int FAILURES_TO_SKIP = 10;

    private final Patents patents;
    private final PatentSources sources;
    /** Plugins are asked on threads of their own; a new one replaces a thread stuck in a plugin. */
    private final java.util.concurrent.ExecutorService asker = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "alliance-office-status");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "alliance-lapse-watch");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public LapseWatch(@Reference Patents patents, @Reference PatentSources sources) {
        this.patents = patents;
        this.sources = sources;
        timer.scheduleAtFixedRate(this::runQuietly, 1, 24 * 60, TimeUnit.MINUTES);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
        asker.shutdownNow();
    }

    private void runQuietly() {
        try {
            LOG.info(lapse());
        } catch (Throwable e) { // an Error too: it would end the daily schedule silently
            LOG.error("The lapse watch failed; it runs again tomorrow", e);
        }
    }

    /** Asks each plugin source for the office's status of every patent in force; records the changes. */
    private String officeStatus() {
        StringBuilder out = new StringBuilder();
        for (var entry : sources.all()) {
            if (sources.isBuiltIn(entry.getKey())) {
                continue; // the built-in sources read files only
            }
            int asked = 0;
            int changed = 0;
            int failuresInARow = 0;
            for (String number : patents.inForce()) {
                try {
                    var status = askInTime(entry.getValue(), PublicationNumber.parse(number).orElseThrow());
                    asked++;
                    failuresInARow = 0;
                    if (status.isPresent() && patents.recordOfficeStatus(number, status.get().wire(),
                            entry.getKey())) {
                        changed++;
                    }
                } catch (Exception | StackOverflowError e) {
                    if (e instanceof java.util.concurrent.TimeoutException || ++failuresInARow >= FAILURES_TO_SKIP) {
                        LOG.warn("Office status from {}: {} failures in a row, last {}; not asked again today",
                                entry.getKey(), failuresInARow, e.toString());
                        break;
                    }
                }
            }
            if (asked > 0) {
                out.append("\nOffice status from ").append(entry.getKey()).append(": ").append(asked)
                        .append(" asked, ").append(changed).append(" changed");
            }
        }
        return out.toString();
    }

    /** Asks a plugin with a time limit: one that hangs is skipped for the day, not the watch with it. */
    private java.util.Optional<org.carbonalliance.patentpool.api.LegalStatus> askInTime(
            org.carbonalliance.patentpool.api.PatentSource source, PublicationNumber number) throws Exception {
        java.util.concurrent.Future<java.util.Optional<org.carbonalliance.patentpool.api.LegalStatus>> answer =
                asker.submit(() -> source.legalStatus(number));
        try {
            return answer.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            answer.cancel(true);
        }
    }

    @Descriptor("moves patents past their expiry to expired and lists those expiring within 12 months")
    public String lapse() {
        Patents.LapseReport report = patents.watchLapses();
        StringBuilder out = new StringBuilder("Lapse watch: " + report.expired().size() + " patent(s) expired "
                + report.expired() + ", " + report.expiringSoon().size() + " expiring within 12 months");
        report.expiringSoon().forEach(p -> out.append("\n  ").append(p.publicationNumber()).append(" expires ")
                .append(p.expiryDate()).append(" (").append(p.memberTenantId()).append(')'));
        out.append(officeStatus());
        return out.toString();
    }
}
