package org.carbonalliance.telemetry.impl;

import java.util.List;
import java.util.Map;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.carbonalliance.platform.api.security.Roles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code POST /api/telemetry/retention}: the secretariat runs the daily retention job now. */
@Component(service = RestResource.class)
public class RetentionResource implements RestResource {

    /** Raw readings deleted, per member. */
    record RetentionRun(Map<String, Integer> deletedByTenant) {
    }

    private final RetentionJob job;

    @Activate
    public RetentionResource(@Reference RetentionJob job) {
        this.job = job;
    }

    @Override
    public String base() {
        return "/telemetry/retention";
    }

    @Override
    public String tag() {
        return "telemetry";
    }

    @Override
    public List<Operation> operations() {
        return List.of(Operation.post("").id("runTelemetryRetention")
                .summary("Run the retention job now (it runs daily): raw readings beyond each member's retention "
                        + "are deleted once their day rollup holds them; rollups stay")
                .access(Access.anyRole(Roles.ALLIANCE_ADMIN)).returns(200, RetentionRun.class)
                .handle(call -> new RetentionRun(job.run())));
    }
}
