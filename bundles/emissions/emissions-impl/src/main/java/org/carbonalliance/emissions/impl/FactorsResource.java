package org.carbonalliance.emissions.impl;

import java.util.ArrayList;
import java.util.List;
import org.carbonalliance.emissions.impl.EmissionsRecords.ActivityTypeView;
import org.carbonalliance.emissions.impl.EmissionsRecords.FactorPage;
import org.carbonalliance.emissions.impl.calc.Calculator;
import org.carbonalliance.emissions.impl.EmissionsRecords.FactorView;
import org.carbonalliance.emissions.impl.EmissionsRecords.SourceView;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.carbonalliance.platform.api.web.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/emissions/factors}: the factor library, public: search, sources, activity types, versions. */
@Component(service = RestResource.class)
public class FactorsResource implements RestResource {

    private final FactorLibrary library;
    private final FactorSearch search;

    @Activate
    public FactorsResource(@Reference FactorLibrary library, @Reference EmissionsDatabase database) {
        this.library = library;
        this.search = new FactorSearch(database.database());
    }

    @Override
    public String base() {
        return "/emissions/factors";
    }

    @Override
    public String tag() {
        return "emissions";
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.get("").id("searchFactors")
                        .summary("Search the factor library: current versions by default, all versions with "
                                + "history=true")
                        .access(Access.PUBLIC)
                        .query("activityType", "string", "exact, or a prefix ending in / (stationary-combustion/)")
                        .query("region", "string", "GLOBAL, CN, CN-EAST, US-CAMX ...")
                        .query("year", "integer", "the year the factor describes")
                        .query("source", "string", "a source id (see /sources)")
                        .query("gas", "string", "CO2, CH4, N2O, CO2e ...")
                        .query("q", "string", "words in the document, table or note")
                        .query("history", "boolean", "include superseded and withdrawn versions")
                        .query("offset", "integer", "default 0").query("limit", "integer", "1-200, default 50")
                        .returns(200, FactorPage.class)
                        .handle(call -> search.search(new FactorSearch.Criteria(call.query("activityType")
                                .orElse(null), call.query("region").orElse(null), call.query("year").isPresent()
                                        ? call.queryInt("year", 0, 1990, 2100) : null, call.query("source")
                                                .orElse(null), call.query("gas").orElse(null), call.query("q")
                                                        .orElse(null), flag(call.query("history").orElse(null))),
                                call.queryInt("offset", 0, 0, 100_000), call.queryInt("limit", 50, 1, 200))),
                Operation.get("/sources").id("listFactorSources")
                        .summary("Factor sources: shipped data files and plugins, with their state").access(
                                Access.PUBLIC).returnsList(200, SourceView.class)
                        .handle(call -> library.sources().stream().map(s -> new SourceView(s.id(), s.title(),
                                s.state(), s.factors(), s.skipped(), s.message(), s.loadedAt())).toList()),
                Operation.get("/activity-types").id("listActivityTypes")
                        .summary("Activity types that have factors, plus the direct entries (refrigerant-loss, "
                                + "process-emission, direct-emission)").access(Access.PUBLIC)
                        .returnsList(200, ActivityTypeView.class).handle(call -> {
                            List<ActivityTypeView> types = new ArrayList<>();
                            library.activityTypes().forEach(t -> types.add(new ActivityTypeView(t, false)));
                            Calculator.DIRECT_TYPES.stream().sorted()
                                    .forEach(t -> types.add(new ActivityTypeView(t, true)));
                            return types;
                        }),
                Operation.get("/versions/{id}").id("getFactorVersion")
                        .summary("One factor version (source:key@version), current, superseded or withdrawn")
                        .access(Access.PUBLIC).returns(200, FactorView.class).error(404, "no such factor version")
                        .handle(call -> library.factor(call.path("id")).map(FactorSearch::view).orElseThrow(() ->
                                ApiException.notFound("There is no factor version " + call.path("id") + "."))));
    }

    private static boolean flag(String value) {
        if (value == null) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw ApiException.badRequest("history: true or false.", List.of("history: true or false"));
        }
        return Boolean.parseBoolean(value);
    }
}
