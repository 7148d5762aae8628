package org.carbonalliance.patentpool.impl;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.carbonalliance.patentpool.api.ClimateTag;
import org.carbonalliance.patentpool.api.LegalStatus;
import org.carbonalliance.patentpool.impl.PatentSearch.SearchQuery;
import org.carbonalliance.patentpool.impl.SearchRecords.SearchResult;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Call;
import org.carbonalliance.platform.api.rest.Operation;
import org.carbonalliance.platform.api.rest.RestResource;
import org.carbonalliance.platform.api.web.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /api/patentpool/search}: the public catalogue's full-text search. */
@Component(service = RestResource.class)
public class SearchResource implements RestResource {

    private static final int MAX_OFFSET = PatentSearch.GROUPING_WINDOW;

    private final PatentSearch search;

    @Activate
    public SearchResource(@Reference PatentSearch search) {
        this.search = search;
    }

    @Override
    public String base() {
        return "/patentpool/search";
    }

    @Override
    public String tag() {
        return "patentpool";
    }

    @Override
    public List<Operation> operations() {
        return List.of(Operation.get("").id("searchPatents")
                .summary("Search the pool (public): full text in English and Chinese over numbers, titles, "
                        + "abstracts, owners and inventors, with facet counts and highlighted fragments")
                .access(Access.PUBLIC)
                .query("q", "string", "words to find (all must match); \"quotes\" for a phrase, -word to exclude, "
                        + "word* for a prefix; empty lists everything")
                .query("climateTag", "string", "Y02A ... Y04S; several separated by commas match any")
                .query("jurisdiction", "string", "office code such as CN, US, EP; several separated by commas")
                .query("status", "string", "pending, granted, lapsed, expired, revoked; several separated by commas")
                .query("owner", "string", "an owner's name exactly as the owner facet lists it")
                .query("member", "string", "the contributing member's tenant id")
                .query("filedFrom", "string", "filed on or after this date (YYYY-MM-DD)")
                .query("filedTo", "string", "filed on or before this date (YYYY-MM-DD)")
                .query("sort", "string", "relevance (default), filed (oldest first), -filed (newest first), number")
                .query("groupByFamily", "boolean", "one hit per patent family, listing its publications")
                .query("includeWithdrawn", "boolean", "also patents whose withdrawal has taken effect")
                .query("offset", "integer", "hits to skip (up to 10000)")
                .query("limit", "integer", "hits per page, 1 to 100 (default 20)")
                .returns(200, SearchResult.class)
                .handle(call -> search.search(parse(call), PatentSearch.today())));
    }

    static SearchQuery parse(Call call) {
        return parse(call::query);
    }

    /**
     * Reads and checks the parameters (also the console page's); every problem is named, and nothing is searched
     * until all are right.
     */
    static SearchQuery parse(Function<String, Optional<String>> call) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> filters = new LinkedHashMap<>();
        list(call, "climateTag").ifPresent(tags -> filters.put("climateTag", tags.stream().map(t -> ClimateTag.of(t)
                .map(Enum::name).orElseGet(() -> {
                    problems.add("climateTag: unknown tag '" + shorten(t) + "'; use one of "
                            + Arrays.toString(ClimateTag.values()));
                    return t;
                })).toList()));
        list(call, "jurisdiction").ifPresent(codes -> {
            codes.stream().filter(c -> !c.matches("[A-Za-z]{2}")).findFirst().ifPresent(c -> problems.add(
                    "jurisdiction: '" + shorten(c) + "' is not a two-letter office code such as CN"));
            filters.put("jurisdiction", codes.stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).toList());
        });
        list(call, "status").ifPresent(statuses -> {
            statuses.stream().filter(s -> LegalStatus.fromWire(s).isEmpty()).findFirst().ifPresent(s -> problems.add(
                    "status: '" + shorten(s) + "' is not one of pending, granted, lapsed, expired, revoked"));
            filters.put("status", statuses);
        });
        call.apply("owner").filter(o -> !o.isBlank()).ifPresent(o -> filters.put("owner", List.of(o.strip())));
        call.apply("member").filter(m -> !m.isBlank()).ifPresent(m -> filters.put("member", List.of(m.strip())));
        LocalDate from = date(call, "filedFrom", problems);
        LocalDate to = date(call, "filedTo", problems);
        if (from != null && to != null && from.isAfter(to)) {
            problems.add("filedFrom: " + from + " is after filedTo " + to);
        }
        String sort = call.apply("sort").filter(s -> !s.isEmpty()).orElse("relevance");
        if (!List.of("relevance", "filed", "-filed", "number").contains(sort)) {
            problems.add("sort: one of relevance, filed, -filed, number");
        }
        String text = call.apply("q").orElse("");
        if (text.length() > 500) {
            problems.add("q: at most 500 characters");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems.size() == 1 ? "A parameter is invalid: " + problems.get(0) + "."
                    : problems.size() + " parameters are invalid; see details.", problems);
        }
        int offset = number(call, "offset", 0, 0, MAX_OFFSET);
        int limit = number(call, "limit", 20, 1, 100);
        return new SearchQuery(text, filters, from, to, sort, offset, limit, flag(call, "groupByFamily"),
                flag(call, "includeWithdrawn"));
    }

    private static int number(Function<String, Optional<String>> call, String name, int defaultValue, int min,
            int max) {
        String text = call.apply(name).filter(v -> !v.isEmpty()).orElse(null);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("A parameter is invalid: " + name + ": a number from " + min + " to " + max
                + ".", List.of(name + ": a number from " + min + " to " + max));
    }

    private static Optional<List<String>> list(Function<String, Optional<String>> call, String name) {
        return call.apply(name).filter(v -> !v.isBlank())
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                        .limit(20).toList());
    }

    private static LocalDate date(Function<String, Optional<String>> call, String name, List<String> problems) {
        Optional<String> text = call.apply(name).filter(v -> !v.isBlank());
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text.get().strip());
        } catch (DateTimeParseException e) {
            problems.add(name + ": '" + shorten(text.get()) + "' is not a date such as 2021-03-31");
            return null;
        }
    }

    private static boolean flag(Function<String, Optional<String>> call, String name) {
        String value = call.apply(name).orElse("false");
        if (!value.equals("true") && !value.equals("false")) {
            throw ApiException.badRequest("A parameter is invalid: " + name + ": true or false.",
                    List.of(name + ": true or false"));
        }
        return value.equals("true");
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
