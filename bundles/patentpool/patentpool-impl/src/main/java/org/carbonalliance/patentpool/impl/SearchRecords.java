package org.carbonalliance.patentpool.impl;

import java.time.LocalDate;
import java.util.List;

/** The records of {@code GET /api/patentpool/search}. */
final class SearchRecords {

    private SearchRecords() {
    }

    /** The query's fragments in context, HTML-escaped, matches in {@code <mark>}; null where nothing matched. */
    public record Highlights(String titleEn, String titleZh, String abstractEn, String abstractZh) {
    }

    /**
     * One hit: a patent, or with {@code groupByFamily} the best-ranked publication of a family, with every matching
     * publication of the family in {@code familyPublications}.
     */
    public record SearchHit(String publicationNumber, String jurisdiction, String familyId, LocalDate applicationDate,
            String legalStatus, String titleEn, String titleZh, List<String> climateTags, List<String> owners,
            String memberTenantId, boolean demo, LocalDate withdrawalEffective, Highlights highlights,
            List<String> familyPublications) {
    }

    /**
     * How many hits have one value of a facet; {@code label} is the value for people (a member's name for its tenant
     * id; otherwise the value itself).
     */
    public record FacetValue(String value, String label, long count) {
    }

    /** Counts per value (the most frequent first, up to 20 per facet) over every hit of the query and filters. */
    public record Facets(List<FacetValue> climateTag, List<FacetValue> jurisdiction, List<FacetValue> status,
            List<FacetValue> owner, List<FacetValue> filingYear, List<FacetValue> member) {
    }

    /**
     * A page of hits. {@code total} counts patents (with {@code groupByFamily}: families among the first 10,000
     * hits; {@code totalExact} is false when there were more).
     */
    public record SearchResult(long total, boolean totalExact, int offset, int limit, boolean groupedByFamily,
            List<SearchHit> items, Facets facets) {
    }
}
