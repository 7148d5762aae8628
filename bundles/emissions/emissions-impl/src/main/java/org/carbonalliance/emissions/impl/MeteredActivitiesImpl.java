package org.carbonalliance.emissions.impl;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.carbonalliance.emissions.api.MeteredActivities;
import org.carbonalliance.emissions.api.MeteredMonth;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.web.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link MeteredActivities}: a meter's month becomes (or replaces) one scope 2 electricity record of the period that
 * covers the month, with method {@code metered}, evidence {@code meter:<device>:<yyyy-mm>} and the provenance in the
 * data-quality note. Changes follow the same rules as any record (locked once submitted, versioned by revision).
 */
@Component(service = MeteredActivities.class)
public class MeteredActivitiesImpl implements MeteredActivities {

    private static final int NOTE = 1000;

    private final Database database;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public MeteredActivitiesImpl(@Reference EmissionsDatabase emissions) {
        this.database = emissions.database();
    }

    @Override
    public String recordMonth(MeteredMonth m) {
        LocalDate first = m.month().atDay(1);
        LocalDate last = m.month().atEndOfMonth();
        try {
            return database.inTransaction(em -> {
                if (em.find(Facility.class, m.facilityId()) == null) {
                    throw new IllegalArgumentException("there is no facility " + m.facilityId() + " of yours");
                }
                Period p = em.createQuery("select p from Period p where p.startsOn <= :first and p.endsOn >= :last",
                        Period.class).setParameter("first", first).setParameter("last", last).getResultStream()
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("no reporting period covers "
                                + m.month() + "; create the period first"));
                Inventory.editable(em, p.id);
                String evidence = "meter:" + m.deviceId() + ":" + m.month();
                replaceEarlier(em, p, evidence);
                Activity a = new Activity();
                a.id = UUID.randomUUID().toString();
                a.periodId = p.id;
                a.facilityId = m.facilityId();
                a.scope = 2;
                a.category = "electricity";
                a.activityType = "electricity";
                a.quantity = m.kwh();
                a.unit = "kWh";
                a.activityYear = first.getYear();
                a.startsOn = first;
                a.endsOn = last;
                a.method = "metered";
                a.evidence = evidence;
                a.dataQuality = note(m);
                a.description = "Metered by " + m.deviceName();
                a.fromRevision = p.revision;
                a.createdAt = clock.instant();
                a.createdBy = CurrentPrincipal.get().map(pr -> pr.username()).orElse("telemetry");
                em.persist(a);
                ActivityTotals.added(em, a);
                Inventory.markDraftsStale(em, p.id);
                return a.id;
            });
        } catch (ApiException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The record the same meter gave for the month before, if any, leaves the current revision. */
    private static void replaceEarlier(EntityManager em, Period p, String evidence) {
        List<Activity> earlier = em.createQuery("select a from Activity a where a.periodId = :p and a.evidence = :e "
                + "and a.toRevision is null", Activity.class).setParameter("p", p.id).setParameter("e", evidence)
                .getResultList();
        for (Activity a : earlier) {
            if (a.fromRevision < p.revision) {
                ActivityTotals.closed(em, a, p.revision);
                a.toRevision = p.revision;
            } else {
                ActivityTotals.removed(em, a);
                em.remove(a);
            }
        }
    }

    static String note(MeteredMonth m) {
        String gaps = m.gaps().isEmpty() ? "none" : String.join(", ", m.gaps());
        String text = (m.belowCoverage() ? "FLAGGED: coverage below the threshold; not filled in. " : "")
                + m.readings() + " readings, coverage " + m.coveragePercent().toPlainString() + " %, SHA-256 "
                + m.sha256() + ", gaps: " + gaps;
        return text.length() <= NOTE ? text : text.substring(0, NOTE - 20) + " ... (more gaps)";
    }
}
