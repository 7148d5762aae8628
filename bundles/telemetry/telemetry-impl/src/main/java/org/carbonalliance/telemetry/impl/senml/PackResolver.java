package org.carbonalliance.telemetry.impl.senml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the records of one SenML pack in order (RFC 8428 §4.1, §4.6): a base field applies to the record carrying
 * it and to all following records until a record carries that base field again. As §4.5.4 words it, a base sum in
 * effect gives every record a sum (base sum + sum, or the base sum alone), while a base value is only added to a
 * {@code v} that is present. One instance per pack.
 */
final class PackResolver {

    /** The SenML version this receiver implements (RFC 8428 §4.4). */
    static final int VERSION = 10;

    private static final String[] VALUE_LABELS = {"v", "vs", "vb", "vd"};

    private final TimeResolver times;
    private String baseName = "";
    private double baseTime;
    private String baseUnit;
    private double baseValue;
    private Double baseSum;
    private int version = VERSION;

    PackResolver(TimeResolver times) {
        this.times = times;
    }

    SenmlRecord resolve(JsonNode node, int index) {
        if (!node.isObject()) {
            throw new SenmlException(index, "is not a JSON object; a SenML pack is an array of objects");
        }
        RecordFields f = new RecordFields(node, index);
        f.refuseMustUnderstand();
        applyBaseFields(f, index);

        List<String> present = new ArrayList<>();
        for (String label : VALUE_LABELS) {
            if (f.has(label)) {
                present.add(label);
            }
        }
        if (present.size() > 1) {
            throw f.fail("has more than one value " + present + "; send exactly one of 'v', 'vs', 'vb', 'vd'");
        }
        Double v = f.number("v");
        Double s = f.number("s");
        Double sum = baseSum;
        if (s != null) {
            sum = f.add(baseSum == null ? 0 : baseSum, s, "s");
        }
        if (present.isEmpty() && sum == null) {
            throw f.fail("has no value; send one of 'v', 'vs', 'vb', 'vd' or a sum 's'");
        }
        String n = f.text("n");
        String name = n == null ? baseName : baseName + n;
        if (name.isEmpty()) {
            throw f.fail("has no name; send 'n' or a base name 'bn'");
        }
        if (!SenmlRecord.isValidName(name)) {
            throw f.fail("name '" + name + "' is not a valid SenML name (only A-Z a-z 0-9 - : . / _, "
                    + "starting with a letter or digit)");
        }
        String u = f.text("u");
        String unit = u != null ? u : baseUnit;
        Double t = f.number("t");
        double time = times.resolve(t == null ? baseTime : f.add(baseTime, t, "t"), index);
        Double updateTime = f.number("ut");
        if (updateTime != null && updateTime < 0) {
            throw f.fail("'ut' must not be negative");
        }
        return new SenmlRecord(name, time, unit, v == null ? null : f.add(baseValue, v, "v"), f.text("vs"),
                f.bool("vb"), f.base64url("vd"), sum, updateTime);
    }

    private void applyBaseFields(RecordFields f, int index) {
        Double bver = f.number("bver");
        if (bver != null) {
            if (bver < 1 || bver != Math.rint(bver)) {
                throw f.fail("'bver' must be a positive integer");
            }
            if (bver > VERSION) {
                throw f.fail("'bver' " + bver.longValue() + " is newer than SenML version " + VERSION
                        + " that this receiver implements");
            }
            if (index > 0 && bver.intValue() != version) {
                throw f.fail("'bver' " + bver.intValue() + " differs from the pack's version " + version
                        + "; all records of a pack must have the same version");
            }
            version = bver.intValue();
        }
        if (f.has("bn")) {
            baseName = f.text("bn");
        }
        if (f.has("bt")) {
            baseTime = f.number("bt");
        }
        if (f.has("bu")) {
            baseUnit = f.text("bu");
        }
        if (f.has("bv")) {
            baseValue = f.number("bv");
        }
        if (f.has("bs")) {
            baseSum = f.number("bs");
        }
    }
}
