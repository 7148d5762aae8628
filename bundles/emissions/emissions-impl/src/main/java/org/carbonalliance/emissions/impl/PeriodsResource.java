package org.carbonalliance.emissions.impl;

import static org.carbonalliance.emissions.impl.EmissionsAccess.MEMBERS;
import static org.carbonalliance.emissions.impl.EmissionsAccess.MEMBER_ADMIN;

import java.util.List;
import org.carbonalliance.emissions.impl.EmissionsRecords.ActivityForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.ActivityView;
import org.carbonalliance.emissions.impl.EmissionsRecords.ImportResult;
import org.carbonalliance.emissions.impl.EmissionsRecords.InstrumentForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.InstrumentView;
import org.carbonalliance.emissions.impl.EmissionsRecords.MetricsForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.PeriodForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.PeriodView;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/emissions/periods}: reporting periods with their activity records and contractual instruments. */
@Component(service = RestResource.class)
public class PeriodsResource implements RestResource {

    private final EmissionsService emissions;
    private final Inventory inventory;

    @Activate
    public PeriodsResource(@Reference EmissionsService emissions) {
        this.emissions = emissions;
        this.inventory = emissions.inventory;
    }

    @Override
    public String base() {
        return "/emissions/periods";
    }

    @Override
    public String tag() {
        return "emissions";
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.get("").id("listPeriods").summary("Your reporting periods").access(MEMBERS)
                        .returnsList(200, PeriodView.class).handle(call -> inventory.periods()),
                Operation.post("").id("createPeriod")
                        .summary("Add a reporting period: {\"year\": 2024} for a calendar year, or startsOn/endsOn; "
                                + "metrics are intensity denominators such as revenue")
                        .access(MEMBER_ADMIN).body(PeriodForm.class).returns(201, PeriodView.class)
                        .error(409, "the name is taken or the period overlaps another")
                        .handle(call -> inventory.createPeriod(call.body(PeriodForm.class))),
                Operation.get("/{id}").id("getPeriod").summary("A reporting period").access(MEMBERS)
                        .returns(200, PeriodView.class).error(404, "no such period of yours")
                        .handle(call -> inventory.period(call.path("id"))),
                Operation.put("/{id}/metrics").id("setPeriodMetrics")
                        .summary("Set the period's intensity denominators (revenue, output, floor area ...)")
                        .access(MEMBER_ADMIN).guard(call -> inventory.period(call.path("id")))
                        .body(MetricsForm.class).returns(200, PeriodView.class).error(404, "no such period of yours")
                        .handle(call -> inventory.setMetrics(call.path("id"), call.body(MetricsForm.class)
                                .metrics())),
                Operation.get("/{id}/activities").id("listActivities")
                        .summary("The period's activity records (of its current revision, or ?revision=n)")
                        .access(MEMBERS).query("offset", "integer", "records to skip (default 0)")
                        .query("limit", "integer", "records to return, 1-1000 (default 100)")
                        .query("revision", "integer", "the report version whose data to list")
                        .returnsList(200, ActivityView.class).error(404, "no such period of yours")
                        .handle(call -> inventory.activities(call.path("id"), call.query("revision").isPresent()
                                ? call.queryInt("revision", 1, 1, 10_000) : null,
                                call.queryInt("offset", 0, 0, Integer.MAX_VALUE), call.queryInt("limit", 100, 1,
                                        1000))),
                Operation.post("/{id}/activities").id("addActivity")
                        .summary("Add an activity record: quantity and unit (checked against the factors' units), "
                                + "facility, scope and category, dates, evidence and data quality")
                        .access(MEMBERS).guard(call -> inventory.period(call.path("id"))).body(ActivityForm.class)
                        .returns(201, ActivityView.class).error(404, "no such period of yours")
                        .error(409, "the period's report is submitted: start a correction")
                        .handle(call -> inventory.addActivity(call.path("id"), call.body(ActivityForm.class),
                                call.caller())),
                Operation.post("/{id}/activities/import").id("importActivities")
                        .summary("Upload activity records as CSV (header: facility, scope, category, activity_type, "
                                + "gas, quantity, unit, starts_on, ends_on, method, evidence, data_quality, "
                                + "description): all rows or none; wrong rows are listed by line")
                        .access(MEMBERS).guard(call -> inventory.period(call.path("id")))
                        .upload("text/csv", () -> emissions.config().maxImportBytes())
                        .returns(201, ImportResult.class).error(404, "no such period of yours")
                        .error(409, "the period's report is submitted: start a correction")
                        .error(413, "the file is larger than the configured limit")
                        .handle(call -> emissions.imports.importCsv(call.path("id"), call.upload(), call.caller(),
                                emissions.config().maxImportRows())),
                Operation.put("/{id}/activities/{activityId}").id("updateActivity")
                        .summary("Change an activity record (a record an earlier submitted version holds is kept "
                                + "for that version)")
                        .access(MEMBERS).guard(call -> inventory.period(call.path("id"))).body(ActivityForm.class)
                        .returns(200, ActivityView.class).error(404, "no such record in this period of yours")
                        .error(409, "the period's report is submitted: start a correction")
                        .handle(call -> inventory.updateActivity(call.path("id"), call.path("activityId"),
                                call.body(ActivityForm.class), call.caller())),
                Operation.delete("/{id}/activities/{activityId}").id("deleteActivity")
                        .summary("Remove an activity record from the period's current revision").access(MEMBERS)
                        .returnsNothing(204).error(404, "no such record in this period of yours")
                        .error(409, "the period's report is submitted: start a correction")
                        .handle(call -> {
                            inventory.deleteActivity(call.path("id"), call.path("activityId"));
                            return null;
                        }),
                Operation.get("/{id}/instruments").id("listInstruments")
                        .summary("The period's contractual instruments (certificates, PPAs, green tariffs, "
                                + "supplier-specific factors)")
                        .access(MEMBERS).returnsList(200, InstrumentView.class).error(404, "no such period of yours")
                        .handle(call -> inventory.instruments(call.path("id"), null)),
                Operation.post("/{id}/instruments").id("addInstrument")
                        .summary("Add a contractual instrument: it lowers only the market-based scope 2 figure")
                        .access(MEMBERS).guard(call -> inventory.period(call.path("id"))).body(InstrumentForm.class)
                        .returns(201, InstrumentView.class).error(404, "no such period of yours")
                        .error(409, "the period's report is submitted: start a correction")
                        .handle(call -> inventory.addInstrument(call.path("id"), call.body(InstrumentForm.class))),
                Operation.delete("/{id}/instruments/{instrumentId}").id("deleteInstrument")
                        .summary("Remove an instrument from the period's current revision").access(MEMBERS)
                        .returnsNothing(204).error(404, "no such instrument in this period of yours")
                        .error(409, "the period's report is submitted: start a correction")
                        .handle(call -> {
                            inventory.deleteInstrument(call.path("id"), call.path("instrumentId"));
                            return null;
                        }));
    }
}
