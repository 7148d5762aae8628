package org.carbonalliance.emissions.impl;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.carbonalliance.emissions.impl.calc.ActivityGroup;

/**
 * Keeps {@link ActivityTotal} rows in step with the activity records, inside the transaction that changes them (the
 * period is locked then, so changes of one period never race).
 */
final class ActivityTotals {

    /** What a calculation groups records by, within a period. */
    record Key(String periodId, String facilityId, int scope, String category, String activityType, String gas,
            String unit, int year) {

        static Key of(Activity a) {
            return new Key(a.periodId, a.facilityId, a.scope, a.category, a.activityType, a.gas == null ? "" : a.gas,
                    a.unit, a.activityYear);
        }
    }

    private ActivityTotals() {
    }

    /** A record was added to revision {@code a.fromRevision} onwards. */
    static void added(EntityManager em, Activity a) {
        change(em, Key.of(a), a.fromRevision, ActivityTotal.OPEN, a.quantity, 1);
    }

    /** An open record was removed outright (it was added in the current revision). */
    static void removed(EntityManager em, Activity a) {
        change(em, Key.of(a), a.fromRevision, ActivityTotal.OPEN, a.quantity.negate(), -1);
    }

    /** An open record was closed at {@code revision}: earlier revisions keep it, later ones do not. */
    static void closed(EntityManager em, Activity a, int revision) {
        change(em, Key.of(a), a.fromRevision, ActivityTotal.OPEN, a.quantity.negate(), -1);
        change(em, Key.of(a), a.fromRevision, revision, a.quantity, 1);
    }

    /** Adds {@code quantity} and {@code records} (either may be negative) to the row of a key and revision range. */
    static void change(EntityManager em, Key key, int from, int to, BigDecimal quantity, long records) {
        ActivityTotal t = em.createQuery("select t from ActivityTotal t where t.periodId = :p and t.facilityId = :f "
                + "and t.scope = :s and t.category = :c and t.activityType = :a and t.gas = :g and t.unit = :u "
                + "and t.activityYear = :y and t.fromRevision = :from and t.toRevision = :to", ActivityTotal.class)
                .setParameter("p", key.periodId()).setParameter("f", key.facilityId()).setParameter("s", key.scope())
                .setParameter("c", key.category()).setParameter("a", key.activityType()).setParameter("g", key.gas())
                .setParameter("u", key.unit()).setParameter("y", key.year()).setParameter("from", from)
                .setParameter("to", to).getResultStream().findFirst().orElse(null);
        if (t == null) {
            t = new ActivityTotal();
            t.id = UUID.randomUUID().toString();
            t.periodId = key.periodId();
            t.facilityId = key.facilityId();
            t.scope = key.scope();
            t.category = key.category();
            t.activityType = key.activityType();
            t.gas = key.gas();
            t.unit = key.unit();
            t.activityYear = key.year();
            t.fromRevision = from;
            t.toRevision = to;
            t.quantity = BigDecimal.ZERO;
            t.records = 0;
            em.persist(t);
        }
        t.quantity = t.quantity.add(quantity);
        t.records += records;
        if (t.records == 0) {
            em.remove(t);
        }
    }

    /** The groups of revision {@code revision} of a period, for a calculation. */
    static List<ActivityGroup> groups(EntityManager em, String periodId, int revision) {
        List<Object[]> rows = em.createQuery("select t.facilityId, t.scope, t.category, t.activityType, t.gas, "
                + "t.unit, t.activityYear, sum(t.quantity), sum(t.records) from ActivityTotal t where t.periodId = :p "
                + "and t.fromRevision <= :r and t.toRevision > :r group by t.facilityId, t.scope, t.category, "
                + "t.activityType, t.gas, t.unit, t.activityYear", Object[].class)
                .setParameter("p", periodId).setParameter("r", revision).getResultList();
        return rows.stream().map(row -> new ActivityGroup((String) row[0], (Integer) row[1], (String) row[2],
                (String) row[3], ((String) row[4]).isEmpty() ? null : (String) row[4], (String) row[5],
                (Integer) row[6], (BigDecimal) row[7], (Long) row[8])).toList();
    }
}
