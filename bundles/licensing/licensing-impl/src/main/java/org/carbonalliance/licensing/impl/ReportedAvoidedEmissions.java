package org.carbonalliance.licensing.impl;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.carbonalliance.licensing.api.AvoidedEmissions;
import org.carbonalliance.platform.api.persistence.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link AvoidedEmissions} summed from the licence reports (a cross-licence read, logged). */
@Component(service = AvoidedEmissions.class)
public class ReportedAvoidedEmissions implements AvoidedEmissions {

    private final Database database;

    @Activate
    public ReportedAvoidedEmissions(@Reference LicensingDatabase licensing) {
        this.database = licensing.database();
    }

    @Override
    public SortedMap<Integer, BigDecimal> reportedByYear() {
        List<Object[]> rows = database.readAcrossTenants("licensing: avoided emissions for the alliance roll-up",
                em -> em.createQuery("select r.periodYear, sum(r.avoidedTco2e) from LicenceReport r "
                        + "group by r.periodYear", Object[].class).getResultList());
        SortedMap<Integer, BigDecimal> byYear = new TreeMap<>();
        rows.forEach(row -> byYear.put((Integer) row[0], (BigDecimal) row[1]));
        return byYear;
    }
}
