package org.carbonalliance.platform.api.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import java.util.Map;
import org.junit.Test;

public class ApiServletJsonTest {

    public record Sample(String text, int count) {
    }

    @Test
    public void readsAWellFormedBody() throws Exception {
        Sample sample = ApiServlet.JSON.readValue("{\"text\":\"hi\",\"count\":2}", Sample.class);
        assertEquals(new Sample("hi", 2), sample);
    }

    @Test
    public void refusesUnknownFieldsAndWrongScalarTypes() {
        assertThrows(UnrecognizedPropertyException.class,
                () -> ApiServlet.JSON.readValue("{\"text\":\"hi\",\"count\":2,\"admin\":true}", Sample.class));
        assertThrows(MismatchedInputException.class,
                () -> ApiServlet.JSON.readValue("{\"text\":5,\"count\":2}", Sample.class));
        assertThrows(MismatchedInputException.class,
                () -> ApiServlet.JSON.readValue("{\"text\":\"hi\",\"count\":\"2\"}", Sample.class));
        assertThrows(MismatchedInputException.class,
                () -> ApiServlet.JSON.readValue("{\"text\":\"hi\",\"count\":null}", Sample.class));
        assertThrows(MismatchedInputException.class,
                () -> ApiServlet.JSON.readValue("{\"text\":\"hi\",\"count\":1} {}", Sample.class));
    }

    @Test
    public void refusesAFieldNamedTwice() {
        com.fasterxml.jackson.core.JsonProcessingException e = assertThrows(
                com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> ApiServlet.JSON.readValue("{\"text\":\"a\",\"text\":\"b\",\"count\":1}", Sample.class));
        assertEquals("Duplicate field 'text'", e.getOriginalMessage());
    }

    @Test
    public void writesInstantsAsIsoText() throws Exception {
        assertEquals("{\"at\":\"2026-01-01T00:00:00Z\"}",
                ApiServlet.JSON.writeValueAsString(Map.of("at", Instant.parse("2026-01-01T00:00:00Z"))));
    }
}
