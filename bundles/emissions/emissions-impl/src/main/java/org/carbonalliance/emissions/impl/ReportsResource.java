package org.carbonalliance.emissions.impl;

import static org.carbonalliance.emissions.impl.EmissionsAccess.MEMBERS;
import static org.carbonalliance.emissions.impl.EmissionsAccess.MEMBER_ADMIN;
import static org.carbonalliance.emissions.impl.EmissionsAccess.READERS;
import static org.carbonalliance.emissions.impl.EmissionsAccess.VERIFIER;

import java.util.List;
import java.util.function.Supplier;
import org.carbonalliance.emissions.impl.EmissionsRecords.ActivityView;
import org.carbonalliance.emissions.impl.EmissionsRecords.CalculateForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.CorrectionForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.FindingForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.FindingView;
import org.carbonalliance.emissions.impl.EmissionsRecords.InstrumentView;
import org.carbonalliance.emissions.impl.EmissionsRecords.OpinionForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.RecalculationCheck;
import org.carbonalliance.emissions.impl.EmissionsRecords.InventoryReportForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.InventoryReportView;
import org.carbonalliance.platform.api.rest.Call;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.web.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/emissions/reports}: a member's reports through calculation, submission, verification, publication and
 * correction. Reads are open to the member's users and to verifiers the member granted the report; the
 * verification steps only to such verifiers.
 */
@Component(service = RestResource.class)
public class ReportsResource implements RestResource {

    private final Reports reports;
    private final Inventory inventory;

    @Activate
    public ReportsResource(@Reference EmissionsService emissions) {
        this.reports = emissions.reports;
        this.inventory = emissions.inventory;
    }

    @Override
    public String base() {
        return "/emissions/reports";
    }

    @Override
    public String tag() {
        return "emissions";
    }

    /** Runs a read as the member (its own report) or, failing that, as a verifier with a grant for it. */
    private <T> T read(Call call, Supplier<T> work) {
        AlliancePrincipal caller = call.caller();
        if (caller.hasRole(Roles.MEMBER_ADMIN) || caller.hasRole(Roles.MEMBER_USER)) {
            try {
                reports.get(call.path("id"));
                return work.get();
            } catch (ApiException e) {
                if (e.status() != 404 || !caller.hasRole(Roles.VERIFIER)) {
                    throw e;
                }
            }
        }
        return reports.asVerifier(call.path("id"), caller, work);
    }

    private <T> T verify(Call call, Supplier<T> work) {
        return reports.asVerifier(call.path("id"), call.caller(), work);
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.get("").id("listReports").summary("Your reports, every version").access(MEMBERS)
                        .returnsList(200, InventoryReportView.class).handle(call -> reports.list()),
                Operation.post("").id("createReport").summary("Start the report on a period (version 1, draft)")
                        .access(MEMBER_ADMIN).body(InventoryReportForm.class).returns(201, InventoryReportView.class)
                        .error(404, "no such period of yours").error(409, "the period already has a report")
                        .handle(call -> reports.create(call.body(InventoryReportForm.class).periodId(), call.caller())),
                Operation.get("/{id}").id("getReport")
                        .summary("A report: state, totals, opinion (members; verifiers it was granted to)")
                        .access(READERS).returns(200, InventoryReportView.class).error(404, "no such report you may read")
                        .handle(call -> read(call, () -> reports.get(call.path("id")))),
                Operation.post("/{id}/calculate").id("calculateReport")
                        .summary("Calculate a draft with the factors effective in the period (or factorIds chosen "
                                + "explicitly, recorded) and a GWP set (AR5 by default, or AR6)")
                        .access(MEMBERS).guard(call -> reports.get(call.path("id"))).body(CalculateForm.class)
                        .returns(200, InventoryReportView.class).error(404, "no such report of yours")
                        .error(409, "not a draft, or an activity has no factor")
                        .handle(call -> reports.calculate(call.path("id"), call.body(CalculateForm.class))),
                Operation.get("/{id}/calculation").id("getReportCalculation")
                        .summary("Every result line (activity, factor version and source, GWP, arithmetic) and the "
                                + "totals by scope, category, ISO 14064-1 category, facility, gas and year")
                        .access(READERS).returns(200, StoredCalculation.class)
                        .error(404, "no such report you may read").error(409, "not calculated yet")
                        .handle(call -> read(call, () -> reports.calculation(call.path("id")))),
                Operation.get("/{id}/recalculation").id("recalculateReport")
                        .summary("Recalculate the report from its own data and the exact factor versions it "
                                + "recorded, and compare with the stored result")
                        .access(READERS).returns(200, RecalculationCheck.class)
                        .error(404, "no such report you may read").error(409, "not calculated yet")
                        .handle(call -> read(call, () -> reports.recheck(call.path("id")))),
                Operation.get("/{id}/activities").id("listReportActivities")
                        .summary("The activity records this report version holds (its evidence references)")
                        .access(READERS).query("offset", "integer", "records to skip (default 0)")
                        .query("limit", "integer", "records to return, 1-1000 (default 100)")
                        .returnsList(200, ActivityView.class).error(404, "no such report you may read")
                        .handle(call -> read(call, () -> {
                            InventoryReportView r = reports.get(call.path("id"));
                            return inventory.activities(r.periodId(), r.version(), call.queryInt("offset", 0, 0,
                                    Integer.MAX_VALUE), call.queryInt("limit", 100, 1, 1000));
                        })),
                Operation.get("/{id}/instruments").id("listReportInstruments")
                        .summary("The contractual instruments this report version holds").access(READERS)
                        .returnsList(200, InstrumentView.class).error(404, "no such report you may read")
                        .handle(call -> read(call, () -> {
                            InventoryReportView r = reports.get(call.path("id"));
                            return inventory.instruments(r.periodId(), r.version());
                        })),
                Operation.post("/{id}/submit").id("submitReport")
                        .summary("Submit a calculated draft for verification").access(MEMBER_ADMIN)
                        .returns(200, InventoryReportView.class).error(404, "no such report of yours")
                        .error(409, "not a draft, not calculated, or the data changed since")
                        .handle(call -> reports.submit(call.path("id"), call.caller())),
                Operation.post("/{id}/corrections").id("correctReport")
                        .summary("Correct a submitted (or verified, or published) report: opens the next version as "
                                + "a draft with the reason; this version is kept as it is")
                        .access(MEMBER_ADMIN).guard(call -> reports.get(call.path("id"))).body(CorrectionForm.class)
                        .returns(201, InventoryReportView.class).error(404, "no such report of yours")
                        .error(409, "a draft, or not the newest version")
                        .handle(call -> reports.correct(call.path("id"), call.body(CorrectionForm.class).reason()
                                .strip(), call.caller())),
                Operation.post("/{id}/publish").id("publishReport")
                        .summary("Publish a verified report: it counts in the alliance roll-up")
                        .access(MEMBER_ADMIN).returns(200, InventoryReportView.class).error(404, "no such report of yours")
                        .error(409, "not verified, or the opinion is adverse")
                        .handle(call -> reports.publish(call.path("id"), call.caller())),
                Operation.post("/{id}/verification").id("startVerification")
                        .summary("Take a submitted report under verification (verifiers granted the report)")
                        .access(VERIFIER).returns(200, InventoryReportView.class).error(404, "no such report granted to you")
                        .error(409, "not submitted")
                        .handle(call -> verify(call, () -> reports.startVerification(call.path("id"),
                                call.caller()))),
                Operation.get("/{id}/findings").id("listFindings").summary("The verifier's findings")
                        .access(READERS).returnsList(200, FindingView.class).error(404, "no such report you may read")
                        .handle(call -> read(call, () -> reports.findings(call.path("id")))),
                Operation.post("/{id}/findings").id("addFinding")
                        .summary("Record a finding at an ISO 14064-3 step (planning, risk-assessment, "
                                + "evidence-gathering, data-testing, evaluation)")
                        .access(VERIFIER).guard(call -> verify(call, () -> reports.get(call.path("id"))))
                        .body(FindingForm.class).returns(201, FindingView.class)
                        .error(404, "no such report granted to you").error(409, "not under verification")
                        .handle(call -> verify(call, () -> reports.addFinding(call.path("id"),
                                call.body(FindingForm.class), call.caller()))),
                Operation.post("/{id}/opinion").id("giveOpinion")
                        .summary("Record the verification opinion (reasonable or limited assurance, materiality, "
                                + "conclusion, statement): the report becomes verified")
                        .access(VERIFIER).guard(call -> verify(call, () -> reports.get(call.path("id"))))
                        .body(OpinionForm.class).returns(200, InventoryReportView.class)
                        .error(404, "no such report granted to you").error(409, "not under verification")
                        .handle(call -> verify(call, () -> reports.opinion(call.path("id"),
                                call.body(OpinionForm.class), call.caller()))));
    }
}
