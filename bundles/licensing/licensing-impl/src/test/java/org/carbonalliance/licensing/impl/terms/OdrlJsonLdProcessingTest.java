package org.carbonalliance.licensing.impl.terms;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** The JSON-LD is processed by a real JSON-LD processor (Titanium) without fetching anything. */
public class OdrlJsonLdProcessingTest {

    private static final String ODRL = "http://www.w3.org/ns/odrl/2/";
    private final List<String> fetches = new ArrayList<>();
    private final DocumentLoader offline = (url, options) -> {
        fetches.add(url.toString());
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "offline: refused to fetch " + url);
    };

    @Test
    public void expandsOfflineToOdrlIris() throws Exception {
        String expanded = expand(jsonLd(StandardOffer.terms())).toString();
        assertEquals(List.of(), fetches);
        for (String iri : List.of("permission", "prohibition", "action", "target", "constraint", "leftOperand",
                "operator", "rightOperand", "duty", "remedy", "assigner", "profile", "Offer", "AssetCollection",
                "use", "reproduce", "sell", "purpose", "spatial", "eq")) {
            assertTrue(iri + " in " + expanded, expanded.contains("\"" + ODRL + iri + "\""));
        }
        for (String term : List.of("assertPatent", "terminate", "annualReport", "carbonNeutrality")) {
            assertTrue(term, expanded.contains("\"" + Vocabulary.POOL + term + "\""));
        }
        assertTrue(expanded.contains("\"@id\":\"https://carbonalliance.org/pool\""));
    }

    @Test
    public void expandsComplexOfferWithTypedValuesAndReverseMembers() throws Exception {
        String expanded = expand(jsonLd(Offers.complex())).toString();
        assertTrue(expanded, expanded.contains("\"@value\":\"1000.00\",\"@type\":\"http://www.w3.org/2001/XMLSchema#decimal\"")
                || expanded.contains("\"@type\":\"http://www.w3.org/2001/XMLSchema#decimal\",\"@value\":\"1000.00\""));
        assertTrue(expanded.contains("\"" + ODRL + "partOf\""));
        assertTrue(expanded.contains("\"" + ODRL + "refinement\""));
        assertTrue(expanded.contains(Vocabulary.POOL + "fieldOfUse"));
        assertTrue(expanded.contains("\"" + ODRL + "isNoneOf\""));
    }

    @Test
    public void neqExpandsToOdrlNeq() throws Exception {
        OfferTerms terms = new OfferTerms(List.of(Rule.permission(Vocabulary.USE, Target.pool(),
                List.of(Constraint.of(Vocabulary.PURPOSE, Vocabulary.NEQ, Vocabulary.RESEARCH)), List.of())), List.of(), List.of());
        assertTrue(expand(jsonLd(terms)).toString().contains("\"" + ODRL + "neq\""));
    }

    /**
     * Compacting with the offer's own context gives the same JSON, except that an action with refinements (an
     * object, not a term) is keyed {@code odrl:action}: {@code action} is {@code @type: @vocab}, as in ODRL's context.
     */
    @Test
    public void compactionWithTheSameContextGivesEquivalentJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (OfferTerms terms : List.of(StandardOffer.terms(), Offers.complex())) {
            String original = jsonLd(terms);
            String compacted = compact(original);
            ObjectNode expected = (ObjectNode) json.readTree(original);
            expected.get("permission").forEach(OdrlJsonLdProcessingTest::refinedActionKey);
            assertEquals(expected, json.readTree(compacted));
            assertEquals(expand(original), expand(compacted));
            assertEquals(terms, OdrlDocument.fromJsonLd(compacted));
        }
        assertEquals(json.readTree(jsonLd(StandardOffer.terms())), json.readTree(compact(jsonLd(StandardOffer.terms()))));
        assertEquals(List.of(), fetches);
    }

    private static void refinedActionKey(JsonNode rule) {
        rule.path("duty").forEach(duty -> {
            if (duty.get("action").isObject()) {
                ((ObjectNode) duty).set("odrl:action", ((ObjectNode) duty).remove("action"));
            }
        });
    }

    private String compact(String document) throws JsonLdError {
        JsonObject context = json(document).getJsonObject("@context");
        return JsonLd.compact(JsonDocument.of(new StringReader(document)),
                JsonDocument.of(new StringReader("{\"@context\":" + context + "}"))).loader(offline).get().toString();
    }

    @Test
    public void aRemoteContextWouldFail() {
        String remote = "{\"@context\":\"http://www.w3.org/ns/odrl.jsonld\",\"@type\":\"Offer\"}";
        assertThrows(JsonLdError.class, () -> expand(remote));
        assertEquals(List.of("http://www.w3.org/ns/odrl.jsonld"), fetches);
    }

    private JsonArray expand(String document) throws JsonLdError {
        return JsonLd.expand(JsonDocument.of(new StringReader(document))).loader(offline).get();
    }

    private static JsonObject json(String text) throws JsonLdError {
        return JsonDocument.of(new StringReader(text)).getJsonContent().orElseThrow().asJsonObject();
    }

    private static String jsonLd(OfferTerms terms) {
        return OdrlDocument.jsonLd("https://carbonalliance.org/licensing/offers/o1", "https://carbonalliance.org/", 2, terms);
    }
}
