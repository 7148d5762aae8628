package org.carbonalliance.patentpool.impl;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.document.LongPoint;
import org.carbonalliance.patentpool.impl.SearchRecords.FacetValue;
import org.carbonalliance.patentpool.impl.SearchRecords.Highlights;
import org.carbonalliance.patentpool.impl.SearchRecords.SearchHit;
import org.carbonalliance.patentpool.impl.SearchRecords.SearchResult;
import org.carbonalliance.platform.api.security.IdentityService;
import org.carbonalliance.platform.api.security.Tenant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Full-text search of the pool with facets, highlighting and family grouping, over {@link PatentIndex}. */
@Component(service = PatentSearch.class)
public class PatentSearch {

    private static final String[] HIGHLIGHTED = {PatentDocuments.TITLE_EN, PatentDocuments.TITLE_ZH,
        PatentDocuments.ABSTRACT_EN, PatentDocuments.ABSTRACT_ZH};

    /** Hits looked at when grouping by family. */
    static final int GROUPING_WINDOW = 10_000;
    private static final int FACET_VALUES = 20;

    /** A validated search request (see {@link SearchQuery#parse} for the rules). */
    record SearchQuery(String text, Map<String, List<String>> filters, LocalDate filedFrom, LocalDate filedTo,
            String sort, int offset, int limit, boolean groupByFamily, boolean includeWithdrawn) {
    }

    private final PatentIndex index;
    private final IdentityService identity;
    /** Members' names by tenant id, read again after a minute: a search should not read the tenant table. */
    private final Map<String, CachedName> memberNames = new java.util.concurrent.ConcurrentHashMap<>();

    private record CachedName(String name, long readAt) {
    }

    @Activate
    public PatentSearch(@Reference PatentIndex index, @Reference IdentityService identity) {
        this.index = index;
        this.identity = identity;
    }

    /** @return the member's name, or the tenant id when there is no such member */
    String memberName(String tenantId) {
        if (tenantId == null) {
            return "";
        }
        long now = System.nanoTime();
        CachedName cached = memberNames.get(tenantId);
        if (cached != null && now - cached.readAt() < TimeUnit.MINUTES.toNanos(1)) {
            return cached.name();
        }
        java.util.Optional<String> name = identity.tenant(tenantId).map(Tenant::name);
        name.ifPresent(n -> memberNames.put(tenantId, new CachedName(n, now)));
        return name.orElse(tenantId);
    }

    SearchResult search(SearchQuery q, LocalDate today) {
        try {
            Query text = textQuery(q);
            Query query = query(text, q, today);
            return index.search((searcher, facetState) -> run(searcher, facetState, query, text, q));
        } catch (IndexSearcher.TooManyClauses e) {
            throw org.carbonalliance.platform.api.web.ApiException.badRequest("The query has too many words or "
                    + "prefixes to search at once; use fewer.", List.of("q: too many words"));
        }
    }

    private SearchResult run(IndexSearcher searcher, SortedSetDocValuesReaderState facetState, Query query,
            Query text, SearchQuery q) throws IOException {
        FacetsCollector collector = new FacetsCollector();
        Sort sort = sort(q.sort());
        int window = q.groupByFamily() ? GROUPING_WINDOW : q.offset() + q.limit();
        TopDocs top = sort == null ? FacetsCollector.search(searcher, query, Math.max(1, window), collector)
                : FacetsCollector.search(searcher, query, Math.max(1, window), sort, collector);
        SearchRecords.Facets facets = facets(facetState, collector);
        List<ScoreDoc> page = new ArrayList<>();
        Map<Integer, List<String>> families = new LinkedHashMap<>();
        long total = top.totalHits.value;
        boolean exact = true;
        if (q.groupByFamily()) {
            Map<Integer, String[]> keys = familyAndNumber(searcher, top.scoreDocs);
            Map<String, Integer> leaderOfFamily = new LinkedHashMap<>();
            List<ScoreDoc> leaders = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                String[] familyAndNumber = keys.get(hit.doc);
                Integer leader = leaderOfFamily.putIfAbsent(familyAndNumber[0], hit.doc);
                if (leader == null) {
                    leaders.add(hit);
                    families.put(hit.doc, new ArrayList<>(List.of(familyAndNumber[1])));
                } else {
                    families.get(leader).add(familyAndNumber[1]);
                }
            }
            total = leaders.size();
            exact = top.totalHits.value <= GROUPING_WINDOW;
            page = leaders.subList(Math.min(q.offset(), leaders.size()),
                    Math.min(leaders.size(), q.offset() + q.limit()));
        } else if (q.offset() < top.scoreDocs.length) {
            page = List.of(top.scoreDocs).subList(q.offset(), top.scoreDocs.length);
        }
        return new SearchResult(total, exact, q.offset(), q.limit(), q.groupByFamily(),
                hits(searcher, text, page, families), facets);
    }

    /** The page's hits, with the full-text query's matches highlighted (none when there is no text). */
    private List<SearchHit> hits(IndexSearcher searcher, Query text, List<ScoreDoc> page,
            Map<Integer, List<String>> families) throws IOException {
        if (page.isEmpty()) {
            return List.of();
        }
        TopDocs pageDocs = new TopDocs(new org.apache.lucene.search.TotalHits(page.size(),
                org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), page.toArray(ScoreDoc[]::new));
        Map<String, String[]> marked = new LinkedHashMap<>();
        if (text != null) {
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, index.analyzer())
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                    .withMaxNoHighlightPassages(0).withWeightMatches(false).build();
            // All four fields in one pass: the query's weight is built once, not once per field.
            marked.putAll(highlighter.highlightFields(HIGHLIGHTED, text, pageDocs, new int[] {1, 1, 2, 2}));
        } else {
            for (String field : HIGHLIGHTED) {
                marked.put(field, new String[page.size()]);
            }
        }
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            SearchHitData d = stored(searcher, page.get(i).doc);
            Highlights h = new Highlights(joinMarks(marked.get(PatentDocuments.TITLE_EN)[i]),
                    joinMarks(marked.get(PatentDocuments.TITLE_ZH)[i]),
                    joinMarks(marked.get(PatentDocuments.ABSTRACT_EN)[i]),
                    joinMarks(marked.get(PatentDocuments.ABSTRACT_ZH)[i]));
            hits.add(new SearchHit(d.publicationNumber(), d.jurisdiction(), d.familyId(), d.applicationDate(),
                    d.legalStatus(), d.titleEn(), d.titleZh(), d.climateTags(), d.owners(), d.memberTenantId(),
                    d.demo(), d.withdrawalEffective(), h, families.getOrDefault(page.get(i).doc, null)));
        }
        return hits;
    }

    /** @return each hit's family key and publication number, read from doc values in document order */
    private static Map<Integer, String[]> familyAndNumber(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        int[] docs = java.util.Arrays.stream(hits).mapToInt(h -> h.doc).sorted().toArray();
        Map<Integer, String[]> keys = new java.util.HashMap<>();
        List<org.apache.lucene.index.LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int i = 0;
        for (org.apache.lucene.index.LeafReaderContext leaf : leaves) {
            int end = leaf.docBase + leaf.reader().maxDoc();
            var family = leaf.reader().getSortedDocValues(PatentDocuments.FAMILY);
            var id = leaf.reader().getSortedDocValues(PatentDocuments.ID);
            for (; i < docs.length && docs[i] < end; i++) {
                int doc = docs[i] - leaf.docBase;
                String number = id != null && id.advanceExact(doc) ? id.lookupOrd(id.ordValue()).utf8ToString() : "";
                String key = family != null && family.advanceExact(doc)
                        ? family.lookupOrd(family.ordValue()).utf8ToString() : "=" + number;
                keys.put(docs[i], new String[] {key, number});
            }
        }
        return keys;
    }

    private static SearchHitData stored(IndexSearcher searcher, int doc) throws IOException {
        return SearchHitData.fromJson(searcher.storedFields().document(doc, java.util.Set.of(PatentDocuments.STORED))
                .get(PatentDocuments.STORED));
    }

    private SearchRecords.Facets facets(SortedSetDocValuesReaderState state, FacetsCollector collector)
            throws IOException {
        Map<String, List<FacetValue>> counts = new LinkedHashMap<>();
        PatentDocuments.FACETS.forEach(d -> counts.put(d, List.of()));
        if (state != null) {
            Facets facets = new SortedSetDocValuesFacetCounts(state, collector);
            for (String dimension : PatentDocuments.FACETS) {
                if (state.getOrdRange(dimension) == null) {
                    continue;
                }
                FacetResult result = facets.getTopChildren(FACET_VALUES, dimension);
                if (result != null) {
                    List<FacetValue> values = new ArrayList<>();
                    for (LabelAndValue lv : result.labelValues) {
                        values.add(new FacetValue(lv.label, dimension.equals("member") ? memberName(lv.label)
                                : lv.label, lv.value.longValue()));
                    }
                    counts.put(dimension, values);
                }
            }
        }
        return new SearchRecords.Facets(counts.get("climateTag"), counts.get("jurisdiction"), counts.get("status"),
                counts.get("owner"), counts.get("filingYear"), counts.get("member"));
    }

    /** @return the full-text part of the search, or null when there are no words to find */
    private Query textQuery(SearchQuery q) {
        if (q.text() == null || q.text().isBlank()) {
            return null;
        }
        SimpleQueryParser parser = new ChineseAwareParser(index.analyzer());
        parser.setDefaultOperator(Occur.MUST);
        return parser.parse(q.text());
    }

    private Query query(Query text, SearchQuery q, LocalDate today) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(text != null ? text : new MatchAllDocsQuery(), Occur.MUST);
        q.filters().forEach((dimension, values) -> {
            BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
            values.forEach(v -> anyOf.add(new TermQuery(new Term("f_" + dimension, v)), Occur.SHOULD));
            all.add(anyOf.build(), Occur.FILTER);
        });
        if (q.filedFrom() != null || q.filedTo() != null) {
            long from = q.filedFrom() == null ? Long.MIN_VALUE + 1 : q.filedFrom().toEpochDay();
            long to = q.filedTo() == null ? Long.MAX_VALUE : q.filedTo().toEpochDay();
            all.add(LongPoint.newRangeQuery(PatentDocuments.FILED, from, to), Occur.FILTER);
        }
        if (!q.includeWithdrawn()) {
            all.add(LongPoint.newRangeQuery(PatentDocuments.IN_POOL_UNTIL, today.toEpochDay() + 1, Long.MAX_VALUE),
                    Occur.FILTER);
        }
        return all.build();
    }

    /**
     * The query syntax of {@link SimpleQueryParser}, where a word written in Chinese must match as written in the
     * Chinese fields: the segmenter may cut 储能 into 储 + 能, and those two characters apart mean something else.
     */
    private static final class ChineseAwareParser extends SimpleQueryParser {
        ChineseAwareParser(org.apache.lucene.analysis.Analyzer analyzer) {
            super(analyzer, PatentDocuments.WEIGHTS);
        }

        @Override
        protected Query newDefaultQuery(String text) {
            if (!text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                return super.newDefaultQuery(text);
            }
            BooleanQuery.Builder anyField = new BooleanQuery.Builder();
            for (Map.Entry<String, Float> field : weights.entrySet()) {
                Query q = field.getKey().endsWith("_zh") ? createPhraseQuery(field.getKey(), text)
                        : createBooleanQuery(field.getKey(), text, getDefaultOperator());
                if (q != null) {
                    anyField.add(new org.apache.lucene.search.BoostQuery(q, field.getValue()), Occur.SHOULD);
                }
            }
            return simplify(anyField.build());
        }
    }

    /** Adjacent marks (a phrase the highlighter marks word by word) read as one. */
    static String joinMarks(String fragment) {
        return fragment == null ? null : fragment.replace("</mark><mark>", "");
    }

    /** @return the sort for the sort parameter; null for relevance */
    private static Sort sort(String name) {
        return switch (name) {
            case "filed" -> new Sort(new SortField(PatentDocuments.FILED, SortField.Type.LONG, false));
            case "-filed" -> new Sort(new SortField(PatentDocuments.FILED, SortField.Type.LONG, true));
            case "number" -> new Sort(new SortField(PatentDocuments.ID, SortField.Type.STRING, false));
            default -> null;
        };
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
