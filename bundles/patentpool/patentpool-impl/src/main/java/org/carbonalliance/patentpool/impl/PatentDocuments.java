package org.carbonalliance.patentpool.impl;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;

/**
 * How a pooled patent is indexed: English text with an English analyser (stemming), Chinese text with Lucene's
 * SmartChineseAnalyzer (word segmentation, so 储能 is one word, not two characters), numbers as keywords, and the
 * facets (climate tag, jurisdiction, legal status, owner, filing year, member) as sorted-set doc values.
 */
final class PatentDocuments {

    static final String ID = "id";
    static final String VERSION = "version";
    static final String NUMBERS = "numbers";
    static final String TITLE_EN = "title_en";
    static final String TITLE_ZH = "title_zh";
    static final String ABSTRACT_EN = "abstract_en";
    static final String ABSTRACT_ZH = "abstract_zh";
    static final String PEOPLE = "people";
    static final String FILED = "filed";
    static final String IN_POOL_UNTIL = "in_pool_until";
    static final String FAMILY = "family";
    static final String STORED = "record";

    /** Facet dimensions; each is also a filter field named {@code f_<dimension>}. */
    static final List<String> FACETS = List.of("climateTag", "jurisdiction", "status", "owner", "filingYear",
            "member");

    /** Field weights of the full-text query: a number or title match counts more than one in an abstract. */
    static final Map<String, Float> WEIGHTS = Map.of(NUMBERS, 8f, TITLE_EN, 3f, TITLE_ZH, 3f, ABSTRACT_EN, 1f,
            ABSTRACT_ZH, 1f, PEOPLE, 2f);

    private PatentDocuments() {
    }

    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued("climateTag", true);
        config.setMultiValued("owner", true);
        return config;
    }

    static Analyzer analyzer() {
        Analyzer keyword = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                KeywordTokenizer tokenizer = new KeywordTokenizer();
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
            }
        };
        Analyzer english = new EnglishAnalyzer();
        Analyzer chinese = new SmartChineseAnalyzer();
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of(NUMBERS, keyword, TITLE_EN, english,
                ABSTRACT_EN, english, TITLE_ZH, chinese, ABSTRACT_ZH, chinese));
    }

    static Document of(PooledPatent p, FacetsConfig config) throws java.io.IOException {
        Document doc = new Document();
        String number = p.publicationNumber();
        doc.add(new StringField(ID, number, Field.Store.NO));
        doc.add(new SortedDocValuesField(ID, new BytesRef(number)));
        doc.add(new NumericDocValuesField(VERSION, p.version()));
        for (String n : java.util.Arrays.asList(number, p.baseNumber(), compact(p.applicationNumber()))) {
            if (n != null && !n.isEmpty()) {
                doc.add(new TextField(NUMBERS, n, Field.Store.NO));
            }
        }
        text(doc, TITLE_EN, p.titleEn());
        text(doc, TITLE_ZH, p.titleZh());
        text(doc, ABSTRACT_EN, p.abstractEn());
        text(doc, ABSTRACT_ZH, p.abstractZh());
        for (List<String> people : List.of(p.owners(), p.applicants(), p.inventors())) {
            people.forEach(name -> doc.add(new TextField(PEOPLE, name, Field.Store.NO)));
        }
        LocalDate filed = p.applicationDate();
        long day = filed == null ? Long.MIN_VALUE : filed.toEpochDay();
        doc.add(new LongPoint(FILED, day));
        doc.add(new NumericDocValuesField(FILED, day));
        // A withdrawal leaves the pool on its effective day; searches leave such patents out from then on.
        LocalDate leaves = p.withdrawalEffective();
        doc.add(new LongPoint(IN_POOL_UNTIL, leaves == null ? Long.MAX_VALUE : leaves.toEpochDay()));
        String family = p.familyId() == null || p.familyId().isBlank() ? "=" + number : p.familyId();
        doc.add(new StringField(FAMILY, family, Field.Store.NO));
        doc.add(new SortedDocValuesField(FAMILY, new BytesRef(family)));
        p.climateTags().forEach(t -> facet(doc, "climateTag", t));
        facet(doc, "jurisdiction", p.jurisdiction());
        facet(doc, "status", p.legalStatus());
        p.owners().forEach(o -> facet(doc, "owner", o));
        if (filed != null) {
            facet(doc, "filingYear", Integer.toString(filed.getYear()));
        }
        facet(doc, "member", p.tenantId());
        doc.add(new StoredField(STORED, SearchHitData.of(p).toJson()));
        return config.build(doc);
    }

    /** Stored, with offsets in the postings: the highlighter reads them instead of analysing the text again. */
    private static final FieldType HIGHLIGHTED = highlighted();

    private static FieldType highlighted() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static void text(Document doc, String field, String value) {
        if (value != null && !value.isEmpty()) {
            doc.add(new Field(field, value, HIGHLIGHTED));
        }
    }

    private static void facet(Document doc, String dimension, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new SortedSetDocValuesFacetField(dimension, value));
            doc.add(new StringField("f_" + dimension, value, Field.Store.NO));
        }
    }

    static String compact(String number) {
        return number == null ? null : number.toUpperCase(Locale.ROOT).replaceAll("[\\s,.\\-/]", "");
    }
}
