package org.carbonalliance.emissions.impl;

import java.util.List;
import org.carbonalliance.emissions.impl.EmissionsRecords.RollupView;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/emissions/rollup}: the alliance's published totals, for everyone. */
@Component(service = RestResource.class)
public class RollupResource implements RestResource {

    private final Rollup rollup;

    @Activate
    public RollupResource(@Reference EmissionsService emissions) {
        this.rollup = emissions.rollup;
    }

    @Override
    public String base() {
        return "/emissions/rollup";
    }

    @Override
    public String tag() {
        return "emissions";
    }

    @Override
    public List<Operation> operations() {
        return List.of(Operation.get("").id("getAllianceRollup")
                .summary("Alliance totals by year and scope over published reports (years and groups with fewer "
                        + "members than the configured minimum are not shown; members named only by their consent); "
                        + "licensees' reported avoided emissions beside, never netted")
                .access(Access.PUBLIC).returns(200, RollupView.class).handle(call -> rollup.rollup()));
    }
}
