package org.carbonalliance.platform.security;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.carbonalliance.platform.api.audit.AuditRecord;
import org.carbonalliance.platform.api.audit.AuditVerification;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.persistence.Transactions;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.web.JsonText;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log in table pf_audit. Appends are serialised in this process (one server per database for now), each in
 * its own transaction, and also written to the audit log file. Inside atomic work ({@link Transactions}) an entry is
 * appended once that work has committed, so a rolled-back operation leaves no entry and the chain never refers to
 * one.
 */
@Component(service = AuditLog.class)
public class AuditTrail implements AuditLog {

    private static final Logger FILE = LoggerFactory.getLogger("org.carbonalliance.audit");
    private static final int BATCH = 1000;

    private final Database database;
    private final Transactions transactions;
    private final Clock clock;
    private long lastSeq;
    private String lastHash;

    @Activate
    public AuditTrail(@Reference SecurityStore store, @Reference Transactions transactions) {
        this(store.database(), transactions, Clock.systemUTC());
    }

    AuditTrail(Database database, Transactions transactions, Clock clock) {
        this.database = database;
        this.transactions = transactions;
        this.clock = clock;
        AuditEntry last = database.read(em -> em.createQuery("select e from AuditEntry e order by e.seq desc",
                AuditEntry.class).setMaxResults(1).getResultList().stream().findFirst().orElse(null));
        this.lastSeq = last == null ? 0 : last.seq();
        this.lastHash = last == null ? AuditChain.GENESIS : last.hash();
    }

    static final int MAX_STATE = 4000;

    @Override
    public void record(String action, String tenantId, String target, String before, String after) {
        if ((before != null && before.length() > MAX_STATE) || (after != null && after.length() > MAX_STATE)) {
            throw new IllegalArgumentException("Audit states are limited to " + MAX_STATE + " characters: " + action);
        }
        String actor = CurrentPrincipal.get().map(AlliancePrincipal::username).orElse("anonymous");
        transactions.afterCommit(() -> append(actor, action, tenantId, target, before, after));
    }

    private synchronized void append(String actor, String action, String tenantId, String target, String before,
            String after) {
        // Millisecond precision: what every database stores exactly, so the hash survives the round trip.
        AuditEntry entry = new AuditEntry(lastSeq + 1, clock.instant().truncatedTo(ChronoUnit.MILLIS), actor, tenantId, action, target,
                before, after, lastHash);
        database.inTransaction(em -> {
            em.persist(entry);
            return null;
        });
        lastSeq = entry.seq();
        lastHash = entry.hash();
        FILE.info("#{} {} {} tenant={} target={} before={} after={}", entry.seq(), actor, action, tenantId, target,
                before, after);
    }

    /** @return a JSON object of alternating names and values, for the before and after states */
    static String json(Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return JsonText.write(object);
    }

    @Override
    public List<AuditRecord> recent(int limit) {
        return database.read(em -> em.createQuery("select e from AuditEntry e order by e.seq desc", AuditEntry.class)
                .setMaxResults(Math.max(0, Math.min(limit, 1000))).getResultList().stream()
                .map(AuditEntry::toRecord).toList());
    }

    @Override
    public AuditVerification verify() {
        return AuditChain.verify(this::entries);
    }

    /** All entries in sequence order, read in batches. */
    private Iterator<AuditEntry> entries() {
        return new Iterator<>() {
            private List<AuditEntry> batch = new ArrayList<>();
            private int index;
            private long after;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (index < batch.size()) {
                    return true;
                }
                if (exhausted) {
                    return false;
                }
                long from = after;
                batch = database.read(em -> em.createQuery("select e from AuditEntry e where e.seq > :after "
                        + "order by e.seq", AuditEntry.class).setParameter("after", from).setMaxResults(BATCH)
                        .getResultList());
                index = 0;
                exhausted = batch.size() < BATCH;
                return !batch.isEmpty();
            }

            @Override
            public AuditEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                AuditEntry entry = batch.get(index++);
                after = entry.seq();
                return entry;
            }
        };
    }
}
