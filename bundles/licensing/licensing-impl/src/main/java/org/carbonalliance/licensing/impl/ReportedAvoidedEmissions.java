package org.carbonalliance.licensing.impl;

import java.math.BigDecimal;
import java.util.List;
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
    public List<Year> reportedByYear() {
        List<Object[]> rows = database.readAcrossTenants("licensing: avoided emissions for the alliance roll-up",
                em -> em.createQuery("select r.periodYear, sum(r.avoidedTco2e), count(distinct l.licenseeName) "
                        + "from LicenceReport r, Licence l where l.id = r.licenceId group by r.periodYear "
                        + "order by r.periodYear", Object[].class).getResultList());
        return rows.stream().map(row -> new Year((Integer) row[0], (BigDecimal) row[1], ((Long) row[2]).intValue()))
                .toList();
    }
}
