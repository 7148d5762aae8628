package org.carbonalliance.licensing.impl.terms;

import static org.carbonalliance.licensing.impl.terms.Vocabulary.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Publishes offer terms as an ODRL 2.2 {@code Offer} in compacted JSON-LD with an inline context
 * ({@link OdrlContext}), and reads that form back.
 *
 * <p>Mapping: the whole pool is the AssetCollection {@code https://carbonalliance.org/pool}; one patent is the
 * asset {@code .../pool/patents/CN112345678B}; one climate tag is the AssetCollection
 * {@code .../pool/climate-tags/Y02E}; several patents or tags are an AssetCollection whose {@code assets}
 * are {@code odrl:partOf} it. Duty constraints are ODRL refinements of the duty's action
 * ({@code "action": {"rdf:value": {"uid": "odrl:compensate"}, "refinement": [...]}}). Right operands: purposes
 * are IRIs, dates {@code xsd:date}, amounts {@code xsd:decimal}, countries and CPC symbols strings; the
 * currency is the ISO 4217 code in {@code unit}. The output is already in the form a JSON-LD processor
 * produces when compacting with the same context, except that a processor keys an action with refinements
 * {@code odrl:action} (the {@code action} term is {@code @type: @vocab}, as in ODRL's context); both are read.
 */
public final class OdrlDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OdrlDocument() {
    }

    /**
     * The ODRL JSON-LD of an offer.
     *
     * @throws IllegalArgumentException if the terms are not valid ({@link TermsValidator})
     */
    public static String jsonLd(String offerIri, String assignerIri, int version, OfferTerms terms) {
        List<String> problems = TermsValidator.problems(terms);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid offer terms: " + String.join("; ", problems));
        }
        ObjectNode offer = JSON.createObjectNode();
        offer.set("@context", OdrlContext.context(JSON));
        offer.put("uid", offerIri);
        offer.put("@type", "Offer");
        offer.put("profile", PROFILE);
        offer.put("assigner", assignerIri);
        offer.put("licenceVersion", version);
        rules(offer, "permission", terms.permissions());
        rules(offer, "prohibition", terms.prohibitions());
        rules(offer, "obligation", terms.obligations());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(offer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void rules(ObjectNode offer, String key, List<Rule> rules) {
        if (rules.isEmpty()) {
            return;
        }
        ArrayNode array = offer.putArray(key);
        for (Rule rule : rules) {
            ObjectNode node = array.addObject();
            action(node, rule.action(), List.of());
            if (rule.target() != null) {
                node.set("target", target(rule.target()));
            }
            constraints(node, "constraint", rule.constraints());
            duties(node, "duty", rule.duties());
            duties(node, "remedy", rule.remedies());
        }
    }

    private static void duties(ObjectNode node, String key, List<Duty> duties) {
        if (!duties.isEmpty()) {
            ArrayNode array = node.putArray(key);
            duties.forEach(d -> action(array.addObject(), d.action(), d.constraints()));
        }
    }

    /** A plain action term, or an action with refinements. */
    private static void action(ObjectNode node, String action, List<Constraint> refinements) {
        if (refinements.isEmpty()) {
            node.put("action", OdrlContext.term(action));
        } else {
            ObjectNode refined = node.putObject("action");
            refined.putObject("rdf:value").put("uid", OdrlContext.compactIri(action));
            constraints(refined, "refinement", refinements);
        }
    }

    private static JsonNode target(Target target) {
        if (target.patents().size() == 1) {
            return JSON.getNodeFactory().textNode(OdrlContext.PATENT_ASSETS + target.patents().get(0));
        }
        ObjectNode collection = JSON.createObjectNode().put("@type", "AssetCollection");
        if (target.wholePool()) {
            collection.put("uid", OdrlContext.POOL_ASSET);
        } else if (target.climateTags().size() == 1) {
            collection.put("uid", OdrlContext.TAG_ASSETS + target.climateTags().get(0));
        } else {
            ArrayNode members = collection.putArray("assets");
            target.patents().forEach(p -> members.add(OdrlContext.PATENT_ASSETS + p));
            target.climateTags().forEach(t -> members.add(OdrlContext.TAG_ASSETS + t));
        }
        return collection;
    }

    private static void constraints(ObjectNode node, String key, List<Constraint> constraints) {
        if (constraints.isEmpty()) {
            return;
        }
        ArrayNode array = node.putArray(key);
        for (Constraint c : constraints) {
            ObjectNode n = array.addObject();
            n.put("leftOperand", OdrlContext.term(c.leftOperand()));
            n.put("operator", c.operator());
            List<JsonNode> values = c.rightOperand().stream().map(v -> rightOperand(c.leftOperand(), v)).toList();
            if (values.size() == 1) {
                n.set("rightOperand", values.get(0));
            } else {
                n.putArray("rightOperand").addAll(values);
            }
            if (c.unit() != null) {
                n.put("unit", c.unit());
            }
        }
    }

    private static JsonNode rightOperand(String leftOperand, String value) {
        return switch (leftOperand) {
            case PURPOSE -> JSON.createObjectNode().put("uid", value);
            case DATE_TIME -> JSON.createObjectNode().put("@value", value).put("@type", "xsd:date");
            case PAY_AMOUNT -> JSON.createObjectNode().put("@value", value).put("@type", "xsd:decimal");
            default -> JSON.getNodeFactory().textNode(value);
        };
    }

    /**
     * Reads the terms back from what {@link #jsonLd} wrote (or from its compaction with the same context).
     *
     * @throws IllegalArgumentException if the text is not such a document
     */
    public static OfferTerms fromJsonLd(String json) {
        try {
            JsonNode offer = JSON.readTree(json);
            return new OfferTerms(list(offer.get("permission"), OdrlDocument::rule),
                    list(offer.get("prohibition"), OdrlDocument::rule),
                    list(offer.get("obligation"), OdrlDocument::rule));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not an ODRL offer of this platform: " + e.getMessage(), e);
        }
    }

    private static Rule rule(JsonNode node) {
        JsonNode action = node.get("action");
        List<Constraint> constraints = list(node.get("constraint"), OdrlDocument::constraint);
        return new Rule(actionWord(action), readTarget(node.get("target")), constraints,
                list(node.get("duty"), OdrlDocument::duty), list(node.get("remedy"), OdrlDocument::duty));
    }

    private static Duty duty(JsonNode node) {
        JsonNode action = node.has("action") ? node.get("action") : node.get("odrl:action");
        return new Duty(actionWord(action), action.isObject() ? list(action.get("refinement"), OdrlDocument::constraint) : List.of());
    }

    private static String actionWord(JsonNode action) {
        return OdrlContext.word(action.isObject() ? id(action.get("rdf:value")) : action.asText());
    }

    private static Target readTarget(JsonNode node) {
        if (node == null) {
            return null;
        }
        List<String> iris = new ArrayList<>();
        if (node.isTextual()) {
            iris.add(node.asText());
        } else if (node.has("assets")) {
            iris.addAll(list(node.get("assets"), JsonNode::asText));
        } else {
            iris.add(id(node));
        }
        if (iris.equals(List.of(OdrlContext.POOL_ASSET))) {
            return Target.pool();
        }
        return new Target(false, suffixes(iris, OdrlContext.PATENT_ASSETS), suffixes(iris, OdrlContext.TAG_ASSETS));
    }

    private static List<String> suffixes(List<String> iris, String prefix) {
        return iris.stream().filter(i -> i.startsWith(prefix)).map(i -> i.substring(prefix.length())).toList();
    }

    private static Constraint constraint(JsonNode node) {
        String left = OdrlContext.word(node.get("leftOperand").asText());
        List<String> values = list(node.get("rightOperand"),
                v -> v.isObject() ? (v.has("@value") ? v.get("@value").asText() : OdrlContext.word(id(v))) : v.asText());
        JsonNode unit = node.get("unit");
        return new Constraint(left, OdrlContext.word(node.get("operator").asText()), values, unit == null ? null : unit.asText());
    }

    private static String id(JsonNode node) {
        return (node.has("uid") ? node.get("uid") : node.get("@id")).asText();
    }

    /** A JSON-LD value that may be a single item or an array. */
    private static <T> List<T> list(JsonNode node, Function<JsonNode, T> read) {
        List<T> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> out.add(read.apply(n)));
        } else if (node != null && !node.isNull()) {
            out.add(read.apply(node));
        }
        return out;
    }
}
