package org.carbonalliance.telemetry.impl.senml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses device telemetry into resolved {@link SenmlRecord}s, all or nothing. Two forms are accepted:
 * <ul>
 * <li>{@code application/senml+json} (RFC 8428): a JSON array of records, validated and resolved as the RFC says;
 * <li>a simple device's plain JSON object, e.g. {@code {"temperature": 21.5, "energy_kwh": 1234.5, "t": 1700000000}}:
 * one record per numeric field, named as the field, at time {@code t} (or now), without unit.
 * </ul>
 * Times below 2^28 are relative to {@code now}; times more than {@code maxFuture} after {@code now} are refused.
 * Records come back in pack order. Instances are immutable and thread-safe.
 */
public final class SenmlParser {

    public static final int DEFAULT_LIMIT = 10_000;
    public static final Duration DEFAULT_MAX_FUTURE = Duration.ofDays(1);

    /** Non-numeric numbers are let through so that they are refused with the record index and label. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build());

    private final int limit;
    private final Duration maxFuture;

    /** A parser with {@link #DEFAULT_LIMIT} and {@link #DEFAULT_MAX_FUTURE}. */
    public SenmlParser() {
        this(DEFAULT_LIMIT, DEFAULT_MAX_FUTURE);
    }

    /**
     * @param limit     the most records one pack may hold
     * @param maxFuture how far after {@code now} a resolved time may be (device clocks drift)
     */
    public SenmlParser(int limit, Duration maxFuture) {
        if (limit < 1 || maxFuture.isNegative()) {
            throw new IllegalArgumentException("limit must be positive and maxFuture not negative");
        }
        this.limit = limit;
        this.maxFuture = maxFuture;
    }

    /**
     * Parses a SenML pack or a plain JSON object.
     *
     * @param json the document
     * @param now  the receiver's "now", for relative times and the future check
     * @throws SenmlException when anything in the document is refused
     */
    public List<SenmlRecord> parse(String json, Instant now) {
        Objects.requireNonNull(json, "json");
        try (JsonParser p = JSON.createParser(json)) {
            return parse(p, now);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a SenML pack or a plain JSON object from UTF-8 bytes; does not close {@code in}.
     *
     * @throws SenmlException when anything in the document is refused
     * @throws IOException    when reading {@code in} fails
     */
    public List<SenmlRecord> parse(InputStream in, Instant now) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            return parse(p, now);
        }
    }

    private List<SenmlRecord> parse(JsonParser p, Instant now) throws IOException {
        TimeResolver times = new TimeResolver(now, maxFuture);
        int index = SenmlException.NO_RECORD;
        try {
            JsonToken first = p.nextToken();
            List<SenmlRecord> records;
            if (first == JsonToken.START_ARRAY) {
                records = new ArrayList<>();
                PackResolver pack = new PackResolver(times);
                for (index = 0; p.nextToken() != JsonToken.END_ARRAY; index++) {
                    if (p.currentToken() == null) {
                        throw new SenmlException(index, "the JSON array is not closed with ']'");
                    }
                    if (index >= limit) {
                        throw new SenmlException(index, "too many records; send at most " + limit + " per pack");
                    }
                    JsonNode node = JSON.readTree(p);
                    records.add(pack.resolve(node, index));
                }
                index = SenmlException.NO_RECORD;
            } else if (first == JsonToken.START_OBJECT) {
                records = new PlainObjectReader(times, limit).read(JSON.readTree(p));
            } else {
                throw new SenmlException(index, "expected a JSON array of SenML records or a JSON object");
            }
            if (p.nextToken() != null) {
                throw new SenmlException(index, "unexpected content after the end of the JSON document");
            }
            return List.copyOf(records);
        } catch (JsonProcessingException e) {
            throw new SenmlException(index, "malformed JSON: " + e.getOriginalMessage() + where(e.getLocation()));
        }
    }

    private static String where(JsonLocation at) {
        return at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
