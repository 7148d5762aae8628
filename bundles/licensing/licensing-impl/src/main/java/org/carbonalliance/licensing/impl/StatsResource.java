package org.carbonalliance.licensing.impl;

import java.util.List;
import org.carbonalliance.licensing.impl.LicensingRecords.Counts;
import org.carbonalliance.licensing.impl.LicensingRecords.Stats;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/licensing/stats}: public counts of active licences, licensees and countries; licensee names only of those
 * that agreed to be named.
 */
@Component(service = RestResource.class)
public class StatsResource implements RestResource {

    private final Licensing licensing;

    @Activate
    public StatsResource(@Reference Licensing licensing) {
        this.licensing = licensing;
    }

    @Override
    public String base() {
        return "/licensing/stats";
    }

    @Override
    public String tag() {
        return "licensing";
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.get("").id("licensingStats").summary("Active licences and licensees, by climate tag")
                        .access(Access.PUBLIC).returns(200, Stats.class).handle(call -> licensing.stats()),
                Operation.get("/patents/{publicationNumber}").id("licensingStatsOfPatent")
                        .summary("Active licences, licensees and their countries for one pooled patent")
                        .access(Access.PUBLIC).returns(200, Counts.class).error(404, "not in the pool")
                        .handle(call -> licensing.patentCounts(call.path("publicationNumber"))));
    }
}
