package org.carbonalliance.licensing.impl;

import java.util.List;
import org.carbonalliance.licensing.impl.LicensingRecords.LicenceView;
import org.carbonalliance.licensing.impl.LicensingRecords.ReportForm;
import org.carbonalliance.licensing.impl.LicensingRecords.ReportView;
import org.carbonalliance.licensing.impl.LicensingRecords.Verification;
import org.carbonalliance.licensing.impl.LicensingRecords.Withdrawal;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/licensing/licences}: a licensee sees its licences, a licensor member those of its patents, the
 * secretariat all; the licensee files annual reports; anyone who may read a licence can verify its digest.
 */
@Component(service = RestResource.class)
public class LicencesResource implements RestResource {

    private static final Access LOGGED_IN = Access.anyRole(Roles.MEMBER_ADMIN, Roles.MEMBER_USER,
            Roles.ALLIANCE_ADMIN);
    private static final Access MEMBERS = Access.anyRole(Roles.MEMBER_ADMIN, Roles.MEMBER_USER);

    private final Licensing licensing;

    @Activate
    public LicencesResource(@Reference Licensing licensing) {
        this.licensing = licensing;
    }

    @Override
    public String base() {
        return "/licensing/licences";
    }

    @Override
    public String tag() {
        return "licensing";
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.get("").id("listLicences")
                        .summary("Licences your organisation holds or grants (the secretariat: all)").access(LOGGED_IN)
                        .query("overdue", "boolean", "only licences with an overdue report")
                        .query("offset", "integer", "licences to skip").query("limit", "integer", "1 to 500 (100)")
                        .returnsList(200, LicenceView.class)
                        .handle(call -> licensing.licences(call.caller(), call.query("overdue").map("true"::equals)
                                .orElse(false), call.queryInt("offset", 0, 0, 1_000_000),
                                call.queryInt("limit", 100, 1, 500))),
                Operation.get("/{id}").id("getLicence")
                        .summary("A licence: for its licensee (logged in, or a non-member with X-Status-Token), "
                                + "its licensors and the secretariat")
                        .access(Access.PUBLIC).header(RequestsResource.TOKEN_HEADER,
                                "a non-member licensee's status token", false)
                        .returns(200, LicenceView.class).error(404, "no such licence you may read")
                        .handle(call -> licensing.licence(call.path("id"), call.principal().orElse(null),
                                call.header(RequestsResource.TOKEN_HEADER).orElse(null)).orElseThrow(() ->
                                ApiException.notFound("There is no licence " + call.path("id") + " you may read."))),
                Operation.get("/{id}/verify").id("verifyLicence")
                        .summary("Recompute the licence's SHA-256 digest and compare it with the record")
                        .access(Access.PUBLIC).header(RequestsResource.TOKEN_HEADER,
                                "a non-member licensee's status token", false)
                        .returns(200, Verification.class).error(404, "no such licence you may read")
                        .handle(call -> licensing.verify(call.path("id"), call.principal().orElse(null),
                                call.header(RequestsResource.TOKEN_HEADER).orElse(null))),
                Operation.post("/{id}/reports").id("fileLicenceReport")
                        .summary("File the annual report on a licence your organisation holds").access(MEMBERS)
                        .guard(call -> licensing.checkLicensee(call.path("id"), call.caller()))
                        .body(ReportForm.class).returns(201, ReportView.class)
                        .error(404, "your organisation holds no such licence")
                        .error(409, "already filed for that year, or the licence is not active")
                        .handle(call -> licensing.fileReport(call.path("id"), call.body(ReportForm.class),
                                call.caller())),
                Operation.get("/{id}/reports").id("listLicenceReports")
                        .summary("The reports filed on a licence").access(LOGGED_IN).returnsList(200, ReportView.class)
                        .error(404, "no such licence you may read")
                        .handle(call -> licensing.reports(call.path("id"), call.caller())),
                Operation.post("/{id}/suspend").id("suspendLicence")
                        .summary("Suspend an active licence while a suspected breach is looked into (alliance-admins)")
                        .access(Access.anyRole(Roles.ALLIANCE_ADMIN)).body(Withdrawal.class)
                        .returns(200, LicenceView.class).error(404, "no such licence").error(409, "not active")
                        .handle(call -> licensing.suspend(call.path("id"), true, call.body(Withdrawal.class)
                                .reason().strip(), call.caller())),
                Operation.post("/{id}/reinstate").id("reinstateLicence")
                        .summary("Reinstate a suspended licence (alliance-admins)")
                        .access(Access.anyRole(Roles.ALLIANCE_ADMIN)).returns(200, LicenceView.class)
                        .error(404, "no such licence").error(409, "not suspended")
                        .handle(call -> licensing.suspend(call.path("id"), false, null, call.caller())),
                Operation.post("/{id}/withdraw").id("withdrawFromLicence")
                        .summary("End a licence your organisation holds (its member-admin)")
                        .access(Access.anyRole(Roles.MEMBER_ADMIN))
                        .guard(call -> licensing.checkLicensee(call.path("id"), call.caller())).body(Withdrawal.class)
                        .returns(200, LicenceView.class).error(404, "your organisation holds no such licence")
                        .error(409, "not active")
                        .handle(call -> licensing.withdraw(call.path("id"), call.body(Withdrawal.class).reason()
                                .strip(), call.caller())));
    }
}
