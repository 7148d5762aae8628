package org.carbonalliance.licensing.impl.terms;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.Test;

public class OdrlDocumentTest {

    private static final String OFFER = "https://carbonalliance.org/licensing/offers/standard";
    private static final String POOL_ORG = "https://carbonalliance.org/";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    public void standardOfferRoundTrips() {
        OfferTerms terms = StandardOffer.terms();
        assertEquals(terms, OdrlDocument.fromJsonLd(OdrlDocument.jsonLd(OFFER, POOL_ORG, 1, terms)));
    }

    @Test
    public void complexOfferRoundTrips() {
        OfferTerms terms = Offers.complex();
        assertEquals(terms, OdrlDocument.fromJsonLd(OdrlDocument.jsonLd(OFFER, POOL_ORG, 7, terms)));
    }

    @Test
    public void writesAnOdrlOffer() throws Exception {
        JsonNode offer = json.readTree(OdrlDocument.jsonLd(OFFER, POOL_ORG, 3, StandardOffer.terms()));
        assertTrue(offer.get("@context").isObject());
        assertEquals("http://www.w3.org/ns/odrl/2/", offer.at("/@context/odrl").asText());
        assertEquals("@vocab", offer.at("/@context/action/@type").asText());
        assertEquals("@id", offer.at("/@context/uid").asText());
        assertEquals("Offer", offer.get("@type").asText());
        assertEquals(OFFER, offer.get("uid").asText());
        assertEquals(Vocabulary.PROFILE, offer.get("profile").asText());
        assertEquals(POOL_ORG, offer.get("assigner").asText());
        assertEquals(3, offer.get("licenceVersion").asInt());
        JsonNode make = offer.at("/permission/0");
        assertEquals("reproduce", make.get("action").asText());
        assertEquals("https://carbonalliance.org/pool", make.at("/target/uid").asText());
        assertEquals("AssetCollection", make.at("/target/@type").asText());
        assertEquals("pool:carbonNeutrality", make.at("/constraint/0/rightOperand/uid").asText());
        assertEquals("worldwide", make.at("/constraint/1/rightOperand").asText());
        assertEquals("annualReport", make.at("/duty/0/action").asText());
        assertEquals("assertPatent", offer.at("/prohibition/0/action").asText());
        assertEquals("terminate", offer.at("/prohibition/0/remedy/0/action").asText());
    }

    @Test
    public void writesTargetsFeesAndDatesAsOdrl() throws Exception {
        JsonNode offer = json.readTree(OdrlDocument.jsonLd(OFFER, POOL_ORG, 1, Offers.complex()));
        assertEquals("https://carbonalliance.org/pool/patents/EP3456789B1", offer.at("/permission/0/target/assets/1").asText());
        assertEquals("https://carbonalliance.org/pool/climate-tags/Y02E", offer.at("/permission/2/target/uid").asText());
        assertEquals("https://carbonalliance.org/pool/patents/US10123456B2", offer.at("/permission/3/target").asText());
        assertEquals("xsd:date", offer.at("/permission/0/constraint/2/rightOperand/@type").asText());
        JsonNode fee = offer.at("/permission/0/duty/0/action");
        assertEquals("odrl:compensate", fee.at("/rdf:value/uid").asText());
        assertEquals("payAmount", fee.at("/refinement/0/leftOperand").asText());
        assertEquals("1000.00", fee.at("/refinement/0/rightOperand/@value").asText());
        assertEquals("xsd:decimal", fee.at("/refinement/0/rightOperand/@type").asText());
        assertEquals("EUR", fee.at("/refinement/0/unit").asText());
    }

    @Test
    public void outputIsDeterministic() {
        assertEquals(OdrlDocument.jsonLd(OFFER, POOL_ORG, 1, Offers.complex()),
                OdrlDocument.jsonLd(OFFER, POOL_ORG, 1, Offers.complex()));
    }

    @Test
    public void refusesInvalidTerms() {
        OfferTerms bad = new OfferTerms(List.of(), List.of(), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OdrlDocument.jsonLd(OFFER, POOL_ORG, 1, bad));
        assertTrue(e.getMessage().contains("permissions: at least one permission is required"));
        assertThrows(IllegalArgumentException.class, () -> OdrlDocument.fromJsonLd("[1, 2"));
    }

    @Test
    public void termsStoreAsPlainJson() throws Exception {
        OfferTerms terms = Offers.complex();
        String stored = json.writeValueAsString(terms);
        assertTrue(stored, stored.startsWith("{\"permissions\":[{\"action\":\"reproduce\",\"target\":{\"wholePool\":false,"));
        assertEquals(terms, json.readValue(stored, OfferTerms.class));
    }
}
