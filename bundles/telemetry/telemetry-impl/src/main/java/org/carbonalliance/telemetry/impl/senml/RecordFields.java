package org.carbonalliance.telemetry.impl.senml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.Iterator;

/** Typed access to the fields of one SenML record; every type problem becomes a {@link SenmlException}. */
final class RecordFields {

    private final JsonNode node;
    private final int index;

    RecordFields(JsonNode node, int index) {
        this.node = node;
        this.index = index;
    }

    boolean has(String label) {
        return node.has(label);
    }

    /** Refuses labels ending in '_': extensions the receiver must understand (RFC 8428 §4.4). */
    void refuseMustUnderstand() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String label = it.next();
            if (label.endsWith("_")) {
                throw fail("'" + label + "' is a must-understand extension this receiver does not support");
            }
        }
    }

    String text(String label) {
        JsonNode v = node.get(label);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw fail("'" + label + "' is not a string (got " + kind(v) + ")");
        }
        return v.textValue();
    }

    Double number(String label) {
        JsonNode v = node.get(label);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw fail("'" + label + "' is not a number (got " + kind(v) + ")");
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw fail("'" + label + "' is not a finite number (NaN and Infinity are not allowed)");
        }
        return d;
    }

    Boolean bool(String label) {
        JsonNode v = node.get(label);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw fail("'" + label + "' is not true or false (got " + kind(v) + ")");
        }
        return v.booleanValue();
    }

    /** A base64url string (RFC 4648 §5; padding tolerated), returned as sent. */
    String base64url(String label) {
        String s = text(label);
        if (s != null) {
            try {
                Base64.getUrlDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                throw fail("'" + label + "' is not base64url (RFC 4648 §5: A-Z a-z 0-9 - _, no padding)");
            }
        }
        return s;
    }

    /** Adds a field to its base value, refusing an overflow. */
    double add(double base, double field, String label) {
        double sum = base + field;
        if (!Double.isFinite(sum)) {
            throw fail("'" + label + "' plus its base value is out of range");
        }
        return sum;
    }

    SenmlException fail(String problem) {
        return new SenmlException(index, problem);
    }

    private static String kind(JsonNode v) {
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
