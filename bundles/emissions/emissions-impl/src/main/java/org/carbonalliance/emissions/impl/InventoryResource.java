package org.carbonalliance.emissions.impl;

import static org.carbonalliance.emissions.impl.EmissionsAccess.MEMBERS;
import static org.carbonalliance.emissions.impl.EmissionsAccess.MEMBER_ADMIN;

import java.util.List;
import org.carbonalliance.emissions.impl.EmissionsRecords.FacilityForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.FacilityView;
import org.carbonalliance.emissions.impl.EmissionsRecords.ProfileForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.ProfileView;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/emissions/profile} and {@code /api/emissions/facilities}: a member's boundary and its sites. */
@Component(service = RestResource.class)
public class InventoryResource implements RestResource {

    private final Inventory inventory;

    @Activate
    public InventoryResource(@Reference EmissionsService emissions) {
        this.inventory = emissions.inventory;
    }

    @Override
    public String base() {
        return "/emissions";
    }

    @Override
    public String tag() {
        return "emissions";
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.get("/profile").id("getEmissionsProfile")
                        .summary("Your organisational boundary and how you appear in the alliance roll-up")
                        .access(MEMBERS).returns(200, ProfileView.class).handle(call -> inventory.profile()),
                Operation.put("/profile").id("setEmissionsProfile")
                        .summary("Set the organisational boundary (operational-control, financial-control, "
                                + "equity-share), country, sector, and whether the roll-up may name you")
                        .access(MEMBER_ADMIN).body(ProfileForm.class).returns(200, ProfileView.class)
                        .handle(call -> inventory.saveProfile(call.body(ProfileForm.class))),
                Operation.get("/facilities").id("listFacilities").summary("Your facilities").access(MEMBERS)
                        .returnsList(200, FacilityView.class).handle(call -> inventory.facilities()),
                Operation.post("/facilities").id("createFacility")
                        .summary("Add a facility: country and grid region choose its regional factors")
                        .access(MEMBER_ADMIN).body(FacilityForm.class).returns(201, FacilityView.class)
                        .error(409, "a facility of that name exists")
                        .handle(call -> inventory.createFacility(call.body(FacilityForm.class))),
                Operation.get("/facilities/{id}").id("getFacility").summary("A facility").access(MEMBERS)
                        .returns(200, FacilityView.class).error(404, "no such facility of yours")
                        .handle(call -> inventory.facility(call.path("id"))),
                Operation.put("/facilities/{id}").id("updateFacility")
                        .summary("Change a facility (draft calculations become stale)").access(MEMBER_ADMIN)
                        .guard(call -> inventory.facility(call.path("id"))).body(FacilityForm.class)
                        .returns(200, FacilityView.class).error(404, "no such facility of yours")
                        .error(409, "a facility of that name exists")
                        .handle(call -> inventory.updateFacility(call.path("id"), call.body(FacilityForm.class))));
    }
}
