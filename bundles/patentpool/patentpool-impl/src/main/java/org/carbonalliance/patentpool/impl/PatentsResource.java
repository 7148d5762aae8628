package org.carbonalliance.patentpool.impl;

import java.util.List;
import org.carbonalliance.patentpool.impl.PatentRecords.PatentChange;
import org.carbonalliance.patentpool.impl.PatentRecords.PatentRequest;
import org.carbonalliance.patentpool.impl.PatentRecords.PatentView;
import org.carbonalliance.patentpool.impl.PatentRecords.Withdrawal;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/patentpool/patents}: members contribute patents and manage their own; anyone reads one by its
 * publication number.
 */
@Component(service = RestResource.class)
public class PatentsResource implements RestResource {

    private static final Access MEMBERS = Access.anyRole(Roles.MEMBER_ADMIN, Roles.MEMBER_USER, Roles.ALLIANCE_ADMIN);
    /** Withdrawing is the owning member's decision: its member-admin, not the secretariat. */
    private static final Access OWNER_ADMIN = Access.anyRole(Roles.MEMBER_ADMIN);

    private final Patents patents;

    @Activate
    public PatentsResource(@Reference Patents patents) {
        this.patents = patents;
    }

    @Override
    public String base() {
        return "/patentpool/patents";
    }

    @Override
    public String tag() {
        return "patentpool";
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.post("").id("contributePatent")
                        .summary("Contribute a patent to the pool (a member's users; the secretariat names tenantId)")
                        .access(MEMBERS).body(PatentRequest.class).returns(201, PatentView.class)
                        .error(409, "the publication number is already in the pool")
                        .handle(call -> patents.contribute(call.body(PatentRequest.class), call.caller())),
                Operation.get("").id("listOwnPatents")
                        .summary("Your organisation's pooled patents (the secretariat: every patent)")
                        .access(MEMBERS).returnsList(200, PatentView.class)
                        .handle(call -> patents.own(call.caller())),
                Operation.get("/{publicationNumber}").id("getPatent").summary("One pooled patent (public)")
                        .access(Access.PUBLIC).returns(200, PatentView.class).error(404, "not in the pool")
                        .handle(call -> patents.find(call.path("publicationNumber")).orElseThrow(() ->
                                ApiException.notFound("There is no patent " + call.path("publicationNumber")
                                        + " in the pool."))),
                Operation.get("/{publicationNumber}/open-licence-declaration").id("getOpenLicenceDeclaration")
                        .summary("The pool's terms for the patent as a CNIPA open-licence declaration (public; "
                                + "printable page at /api/patentpool/declarations/{publicationNumber})")
                        .access(Access.PUBLIC).returns(200, OpenLicenceDeclaration.class).error(404, "not in the pool")
                        .error(409, "not a granted Chinese patent in the pool")
                        .handle(call -> patents.declaration(call.path("publicationNumber"))),
                Operation.patch("/{publicationNumber}").id("changePatent")
                        .summary("Change your organisation's patent (the secretariat: any)")
                        .access(MEMBERS).guard(call -> patents.checkOwner(call.path("publicationNumber"),
                                call.caller()))
                        .body(PatentChange.class).returns(200, PatentView.class)
                        .error(404, "your organisation has no such patent in the pool")
                        .handle(call -> patents.change(call.path("publicationNumber"),
                                call.body(PatentChange.class), call.caller())),
                Operation.post("/{publicationNumber}/withdraw").id("withdrawPatent")
                        .summary("Give notice of withdrawal; it takes effect after the notice period")
                        .access(OWNER_ADMIN).guard(call -> patents.checkOwner(call.path("publicationNumber"),
                                call.caller()))
                        .body(Withdrawal.class).returns(200, PatentView.class)
                        .error(404, "your organisation has no such patent in the pool")
                        .error(409, "withdrawal already noticed")
                        .handle(call -> patents.withdraw(call.path("publicationNumber"),
                                call.body(Withdrawal.class).reason().strip(), call.caller())));
    }
}
