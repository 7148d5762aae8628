package org.carbonalliance.patentpool.impl;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.Descriptor;
import org.carbonalliance.patentpool.api.LegalStatus;
import org.carbonalliance.patentpool.api.PatentSource;
import org.carbonalliance.patentpool.api.PublicationNumber;
import org.carbonalliance.platform.api.plugin.PluginCallException;
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
    /** How long a source may take to tell one patent's status. */
    static final Duration STATUS_LIMIT = Duration.ofSeconds(30);

    private final Patents patents;
    private final PatentSources sources;
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
                    var status = askInTime(entry.getKey(), entry.getValue(), PublicationNumber.parse(number)
                            .orElseThrow());
                    asked++;
                    failuresInARow = 0;
                    if (status.isPresent() && patents.recordOfficeStatus(number, status.get().wire(),
                            entry.getKey())) {
                        changed++;
                    }
                } catch (Exception | StackOverflowError e) {
                    boolean noAnswer = e instanceof PluginCallException call
                            && call.kind() != PluginCallException.Kind.FAILED;
                    if (noAnswer || ++failuresInARow >= FAILURES_TO_SKIP) {
                        LOG.warn("Office status from {}: {} failures in a row, last {}; not asked again today",
                                entry.getKey(), failuresInARow, e.toString());
                        if (e instanceof IOException) { // the others are recorded by PluginCalls already
                            sources.calls().recordFailure(entry.getValue(), "PatentSource '" + entry.getKey()
                                    + "'.legalStatus", failuresInARow + " failures in a row, last " + e
                                    + "; not asked again today");
                        }
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

    /**
     * Asks a plugin through {@link org.carbonalliance.platform.api.plugin.PluginCalls} with a limit of 30 s: one that
     * hangs is skipped for the day, not the watch with it.
     *
     * @throws IOException         the source's answer that the office cannot be asked now
     * @throws PluginCallException the source failed, did not answer in time, or hangs
     */
    private Optional<LegalStatus> askInTime(String format, PatentSource source, PublicationNumber number)
            throws IOException, PluginCallException {
        Object answer = sources.calls().call(source, "PatentSource '" + format + "'.legalStatus", STATUS_LIMIT,
                () -> {
                    try {
                        return source.legalStatus(number);
                    } catch (IOException e) {
                        return e; // documented: the office cannot be asked now; not a failure of the plugin
                    }
                });
        if (answer instanceof IOException e) {
            throw e;
        }
        return answer instanceof Optional<?> status && status.orElse(null) instanceof LegalStatus legal
                ? Optional.of(legal) : Optional.empty();
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
