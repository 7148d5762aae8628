package org.carbonalliance.telemetry.impl.senml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a simple device's plain JSON object, {@code {"temperature": 21.5, "energy_kwh": 1234.5, "t": 1700000000}}:
 * one record per numeric field, named as the field, at time {@code t} (SenML rules: below 2^28 relative to now;
 * absent means now), without unit. Fields that are not numbers (strings, booleans, objects) are ignored.
 */
final class PlainObjectReader {

    private static final int NO_RECORD = SenmlException.NO_RECORD;

    private final TimeResolver times;
    private final int limit;

    PlainObjectReader(TimeResolver times, int limit) {
        this.times = times;
        this.limit = limit;
    }

    List<SenmlRecord> read(JsonNode object) {
        if (object.has("n") || object.has("bn")) {
            throw new SenmlException(NO_RECORD, "this looks like a single SenML record; send SenML as a JSON array: "
                    + "[{\"n\": ..., \"v\": ...}]");
        }
        JsonNode t = object.get("t");
        if (t != null && !(t.isNumber() && Double.isFinite(t.doubleValue()))) {
            throw new SenmlException(NO_RECORD, "'t' is not a finite number of seconds since the epoch");
        }
        double time = times.resolve(t == null ? 0 : t.doubleValue(), NO_RECORD);
        List<SenmlRecord> records = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("t") || !value.isNumber()) {
                continue;
            }
            if (!Double.isFinite(value.doubleValue())) {
                throw new SenmlException(NO_RECORD, "'" + name + "' is not a finite number");
            }
            if (!SenmlRecord.isValidName(name)) {
                throw new SenmlException(NO_RECORD, "'" + name + "' is not a valid metric name (only A-Z a-z 0-9 "
                        + "- : . / _, starting with a letter or digit)");
            }
            if (records.size() == limit) {
                throw new SenmlException(NO_RECORD, "too many fields; send at most " + limit + " numbers");
            }
            records.add(SenmlRecord.numeric(name, time, null, value.doubleValue()));
        }
        if (records.isEmpty()) {
            throw new SenmlException(NO_RECORD, "no numeric fields; send e.g. {\"temperature\": 21.5}");
        }
        return records;
    }
}
