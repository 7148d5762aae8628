package org.carbonalliance.emissions.impl;

import static org.carbonalliance.emissions.impl.EmissionsAccess.MEMBERS;
import static org.carbonalliance.emissions.impl.EmissionsAccess.MEMBER_ADMIN;

import java.util.List;
import org.carbonalliance.emissions.impl.EmissionsRecords.ProgressView;
import org.carbonalliance.emissions.impl.EmissionsRecords.StructuralChangeForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.StructuralChangeView;
import org.carbonalliance.emissions.impl.EmissionsRecords.TargetForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.TargetView;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/emissions/targets}: reduction targets, progress, and the structural changes that may move a base year. */
@Component(service = RestResource.class)
public class TargetsResource implements RestResource {

    private final Targets targets;

    @Activate
    public TargetsResource(@Reference EmissionsService emissions) {
        this.targets = emissions.targets;
    }

    @Override
    public String base() {
        return "/emissions/targets";
    }

    @Override
    public String tag() {
        return "emissions";
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.get("").id("listTargets").summary("Your reduction targets").access(MEMBERS)
                        .returnsList(200, TargetView.class).handle(call -> targets.list()),
                Operation.post("").id("createTarget")
                        .summary("Set a target: scopes, base and target year, reduction percent; absolute, or "
                                + "intensity per a period metric")
                        .access(MEMBER_ADMIN).body(TargetForm.class).returns(201, TargetView.class)
                        .handle(call -> targets.create(call.body(TargetForm.class))),
                Operation.delete("/{id}").id("deleteTarget").summary("Remove a target").access(MEMBER_ADMIN)
                        .returnsNothing(204).error(404, "no such target of yours").handle(call -> {
                            targets.delete(call.path("id"));
                            return null;
                        }),
                Operation.get("/{id}/progress").id("getTargetProgress")
                        .summary("Progress per year against the straight path to the target, and whether "
                                + "structural changes call for a base-year recalculation")
                        .access(MEMBERS).returns(200, ProgressView.class).error(404, "no such target of yours")
                        .handle(call -> targets.progress(call.path("id"))),
                Operation.get("/structural-changes").id("listStructuralChanges")
                        .summary("Acquisitions, divestments and method changes recorded").access(MEMBERS)
                        .returnsList(200, StructuralChangeView.class).handle(call -> targets.changes()),
                Operation.post("/structural-changes").id("addStructuralChange")
                        .summary("Record a structural change with its estimated effect on base-year emissions")
                        .access(MEMBER_ADMIN).body(StructuralChangeForm.class)
                        .returns(201, StructuralChangeView.class)
                        .handle(call -> targets.addChange(call.body(StructuralChangeForm.class))));
    }
}
