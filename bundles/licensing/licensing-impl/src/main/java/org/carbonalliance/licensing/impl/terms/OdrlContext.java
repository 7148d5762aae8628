package org.carbonalliance.licensing.impl.terms;

import static org.carbonalliance.licensing.impl.terms.Vocabulary.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The inline JSON-LD context of {@link OdrlDocument}: nothing to fetch, so any JSON-LD processor can read an
 * offer offline. Term definitions follow ODRL's own context ({@code http://www.w3.org/ns/odrl.jsonld}):
 * {@code uid} aliases {@code @id}; {@code action}, {@code leftOperand}, {@code operator} are
 * {@code @type: @vocab}; {@code target}, {@code assigner}, {@code profile} and the rule/duty/constraint links are
 * {@code @type: @id}; {@code rightOperand} and {@code unit} are plain. Differences: the rule, duty, remedy,
 * constraint and refinement links add {@code @container: @set} so that compaction keeps one-element arrays;
 * {@code assets} is the reverse of {@code odrl:partOf} (the members of an asset collection); profile terms map to
 * {@link Vocabulary#POOL}; {@code neq} maps to {@code odrl:neq} (ODRL's published context says {@code odrl:neg}).
 */
final class OdrlContext {

    static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    /** The pool as an ODRL AssetCollection. */
    static final String POOL_ASSET = "https://carbonalliance.org/pool";
    static final String PATENT_ASSETS = POOL_ASSET + "/patents/";
    static final String TAG_ASSETS = POOL_ASSET + "/climate-tags/";

    private OdrlContext() {
    }

    static ObjectNode context(ObjectMapper json) {
        ObjectNode c = json.createObjectNode();
        c.put("odrl", ODRL);
        c.put("pool", POOL);
        c.put("xsd", XSD);
        c.put("rdf", RDF);
        c.put("uid", "@id");
        c.put("Offer", "odrl:Offer");
        c.put("AssetCollection", "odrl:AssetCollection");
        coerced(c, "profile", "odrl:profile", "@id", false);
        coerced(c, "assigner", "odrl:assigner", "@id", false);
        c.put("licenceVersion", "pool:licenceVersion");
        for (String link : List.of("permission", "prohibition", "obligation", "duty", "remedy", "constraint", "refinement")) {
            coerced(c, link, "odrl:" + link, "@id", true);
        }
        coerced(c, "target", "odrl:target", "@id", false);
        c.putObject("assets").put("@reverse", "odrl:partOf").put("@type", "@id").put("@container", "@set");
        coerced(c, "action", "odrl:action", "@vocab", false);
        coerced(c, "leftOperand", "odrl:leftOperand", "@vocab", false);
        coerced(c, "operator", "odrl:operator", "@vocab", false);
        c.put("rightOperand", "odrl:rightOperand");
        c.put("unit", "odrl:unit");
        for (List<String> terms : List.of(actions(), LEFT_OPERANDS, OPERATORS)) {
            for (String term : terms) {
                c.put(term(term), compactIri(term));
            }
        }
        return c;
    }

    private static void coerced(ObjectNode c, String term, String iri, String type, boolean set) {
        ObjectNode d = c.putObject(term).put("@id", iri).put("@type", type);
        if (set) {
            d.put("@container", "@set");
        }
    }

    /** The context term of a vocabulary word: {@code use} → {@code use}, {@code pool:terminate} → {@code terminate}. */
    static String term(String word) {
        return word.startsWith(POOL_PREFIX) ? word.substring(POOL_PREFIX.length()) : word;
    }

    /** The compact IRI of a vocabulary word: {@code use} → {@code odrl:use}, {@code pool:x} unchanged. */
    static String compactIri(String word) {
        return word.startsWith(POOL_PREFIX) ? word : "odrl:" + word;
    }

    /** The vocabulary word of a context term, compact IRI or IRI, as written by a JSON-LD processor. */
    static String word(String value) {
        if (value.startsWith(ODRL)) {
            return value.substring(ODRL.length());
        }
        if (value.startsWith(POOL)) {
            return POOL_PREFIX + value.substring(POOL.length());
        }
        if (value.startsWith("odrl:")) {
            return value.substring("odrl:".length());
        }
        if (!value.contains(":")) {
            for (List<String> words : List.of(actions(), LEFT_OPERANDS, PURPOSES)) {
                if (words.contains(POOL_PREFIX + value)) {
                    return POOL_PREFIX + value;
                }
            }
        }
        return value;
    }
}
