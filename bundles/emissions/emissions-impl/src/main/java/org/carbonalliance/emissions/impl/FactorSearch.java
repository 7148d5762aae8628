package org.carbonalliance.emissions.impl;

import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.carbonalliance.emissions.impl.EmissionsRecords.FactorPage;
import org.carbonalliance.emissions.impl.EmissionsRecords.FactorView;
import org.carbonalliance.platform.api.persistence.Database;

/** Searches stored factor versions by activity, region, year, source, gas and words. */
final class FactorSearch {

    record Criteria(String activityType, String region, Integer year, String source, String gas, String words,
            boolean history) {
    }

    private final Database database;

    FactorSearch(Database database) {
        this.database = database;
    }

    FactorPage search(Criteria c, int offset, int limit) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!c.history()) {
            where.append(" and f.available = true and f.supersededBy is null");
        }
        if (c.activityType() != null) {
            if (c.activityType().endsWith("/")) {
                where.append(" and f.activityType like :type");
                params.put("type", c.activityType().replace("%", "").replace("_", "") + "%");
            } else {
                where.append(" and f.activityType = :type");
                params.put("type", c.activityType());
            }
        }
        add(where, params, "region", "f.region", c.region());
        add(where, params, "year", "f.validYear", c.year());
        add(where, params, "source", "f.source", c.source());
        add(where, params, "gas", "f.gas", c.gas());
        if (c.words() != null && !c.words().isBlank()) {
            where.append(" and (lower(f.document) like :words or lower(f.table) like :words or lower(f.note) like "
                    + ":words or lower(f.key) like :words)");
            params.put("words", "%" + c.words().strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "")
                    + "%");
        }
        return database.read(em -> {
            TypedQuery<Long> count = em.createQuery("select count(f) from StoredFactor f" + where, Long.class);
            TypedQuery<StoredFactor> page = em.createQuery("select f from StoredFactor f" + where
                    + " order by f.activityType, f.region, f.validYear desc, f.source, f.key, f.version",
                    StoredFactor.class);
            params.forEach((k, v) -> {
                count.setParameter(k, v);
                page.setParameter(k, v);
            });
            List<FactorView> items = new ArrayList<>();
            page.setFirstResult(offset).setMaxResults(limit).getResultList().forEach(f -> items.add(view(f)));
            return new FactorPage(count.getSingleResult().intValue(), offset, items);
        });
    }

    private static void add(StringBuilder where, Map<String, Object> params, String name, String column,
            Object value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    static FactorView view(StoredFactor f) {
        return new FactorView(f.id, f.source, f.key, f.version, f.activityType, f.region, f.gas, f.value,
                f.numeratorUnit, f.denominatorUnit, f.validYear, f.publishedYear, f.publisher, f.document, f.table,
                f.note, f.supersededBy, f.available);
    }
}
