package org.carbonalliance.licensing.impl;

import java.util.List;
import org.carbonalliance.licensing.impl.LicensingRecords.AssertionForm;
import org.carbonalliance.licensing.impl.LicensingRecords.AssertionView;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.carbonalliance.platform.api.security.Roles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/licensing/assertions}: defensive termination in two steps. An alliance-admin records that a licensee
 * asserted a patent against the pool (the answer lists the licences that would end), then confirms it.
 */
@Component(service = RestResource.class)
public class AssertionsResource implements RestResource {

    private static final Access SECRETARIAT = Access.anyRole(Roles.ALLIANCE_ADMIN);

    private final Licensing licensing;

    @Activate
    public AssertionsResource(@Reference Licensing licensing) {
        this.licensing = licensing;
    }

    @Override
    public String base() {
        return "/licensing/assertions";
    }

    @Override
    public String tag() {
        return "licensing";
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.post("").id("recordAssertion")
                        .summary("Record a licensee's patent assertion against the pool; lists the licences "
                                + "confirming it would terminate").access(SECRETARIAT).body(AssertionForm.class)
                        .returns(201, AssertionView.class)
                        .handle(call -> licensing.recordAssertion(call.body(AssertionForm.class), call.caller())),
                Operation.post("/{id}/confirm").id("confirmAssertion")
                        .summary("Confirm: every active licence of the licensee is terminated (defensive "
                                + "termination; event TERMINATED)").access(SECRETARIAT)
                        .returns(200, AssertionView.class).error(404, "no such assertion").error(409, "confirmed")
                        .handle(call -> licensing.confirmAssertion(call.path("id"), call.caller())));
    }
}
