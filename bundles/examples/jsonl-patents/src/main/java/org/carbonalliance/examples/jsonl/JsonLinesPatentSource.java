package org.carbonalliance.examples.jsonl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.carbonalliance.patentpool.api.LegalStatus;
import org.carbonalliance.patentpool.api.PatentData;
import org.carbonalliance.patentpool.api.PatentSource;
import org.osgi.service.component.annotations.Component;

/**
 * A plugin written against the patent pool API only: the import format {@code jsonl}, JSON lines (UTF-8), one
 * {@link PatentData} object per line, with its component names as field names:
 *
 * <pre>
 * {"publicationNumber": "CN112345678A", "applicationDate": "2020-03-01", "legalStatus": "granted",
 *  "titleEn": "Battery electrode", "applicants": ["Example Energy Co."], "cpcCodes": ["Y02E 60/10"]}
 * </pre>
 *
 * (one line in the file). Dates are {@code YYYY-MM-DD}, {@code legalStatus} is a {@link LegalStatus#wire() wire name}
 * ({@code pending}, {@code granted} ...), lists are arrays of strings; a missing field or {@code null} is "not known".
 * Only {@code publicationNumber} is required. Checking the values themselves is the pool's job.
 * <p>
 * Items are line numbers (1 for the first line; blank lines are counted, and skipped). A line that is not a JSON
 * object, names a field {@code PatentData} does not have, holds a value of the wrong type, a bad date or an unknown
 * status, has bytes that are not UTF-8, or is longer than {@value #MAX_LINE} characters (not parsed at all, and never
 * held in memory whole) is rejected with a reason naming the field at fault (or the column, for broken JSON); reading
 * goes on with the next line. Reading ends early only when the sink answers false, or with an {@link IOException}
 * when the upload itself cannot be read.
 * <p>
 * The component is stateless, so imports running at the same time do not disturb each other.
 */
@Component(service = PatentSource.class)
public class JsonLinesPatentSource implements PatentSource {

    /** The longest line read, in characters; a longer line is skipped unread. */
    static final int MAX_LINE = 1_000_000;

    /** The components of {@link PatentData}, the only field names allowed. */
    static final Set<String> FIELDS = Set.of("publicationNumber", "familyId", "applicationNumber",
            "applicationDate", "priorityDate", "grantDate", "expiryDate", "expiryReason", "legalStatus", "titleEn",
            "titleZh", "abstractEn", "abstractZh", "applicants", "owners", "inventors", "cpcCodes", "climateTags",
            "ipcCodes", "officeLink", "member");

    private static final String STATUSES = Arrays.stream(LegalStatus.values()).map(LegalStatus::wire)
            .collect(Collectors.joining(", "));

    /** Strict: a field named twice is an error. Thread-safe. */
    private static final ObjectReader JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .reader();

    @Override
    public String format() {
        return "jsonl";
    }

    @Override
    public String description() {
        return "JSON lines, one PatentData object per line (UTF-8)";
    }

    @Override
    public void read(InputStream in, Sink sink) throws IOException {
        // Malformed bytes become U+FFFD and are refused per line below, instead of failing the whole file.
        BoundedLineReader lines = new BoundedLineReader(new InputStreamReader(in, StandardCharsets.UTF_8), MAX_LINE);
        long number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // byte order mark
            }
            boolean goOn;
            if (lines.tooLong()) {
                goOn = sink.reject(number, "line longer than " + MAX_LINE + " characters, not read");
            } else if (line.isBlank()) {
                continue;
            } else if (line.indexOf('\uFFFD') >= 0) {
                goOn = sink.reject(number, "not UTF-8 text (or holds the replacement character U+FFFD)");
            } else {
                goOn = readLine(number, line, sink);
            }
            if (!goOn) {
                return;
            }
        }
    }

    private static boolean readLine(long number, String line, Sink sink) {
        JsonNode json;
        try (JsonParser parser = JSON.createParser(line)) {
            json = JSON.readTree(parser);
            if (parser.nextToken() != null) {
                return sink.reject(number, "more than one JSON value on the line");
            }
        } catch (JsonProcessingException e) {
            return sink.reject(number, "not valid JSON" + (e.getLocation() == null ? ""
                    : " at column " + e.getLocation().getColumnNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) { // not thrown when parsing a string
            return sink.reject(number, "not valid JSON: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            return sink.reject(number, "not a JSON object (one PatentData object per line)");
        }
        PatentData patent;
        try {
            patent = patent(json);
        } catch (BadField e) {
            return sink.reject(number, e.getMessage());
        }
        return sink.accept(number, patent);
    }

    private static PatentData patent(JsonNode json) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                unknown.add('"' + shorten(name) + '"');
            }
        }
        if (!unknown.isEmpty()) {
            throw new BadField((unknown.size() == 1 ? "unknown field " : "unknown fields ") + String.join(", ", unknown)
                    + " (field names are those of PatentData, such as publicationNumber)");
        }
        String publicationNumber = text(json, "publicationNumber");
        if (publicationNumber == null || publicationNumber.isBlank()) {
            throw new BadField("no publicationNumber");
        }
        return new PatentData(publicationNumber, text(json, "familyId"), text(json, "applicationNumber"),
                date(json, "applicationDate"), date(json, "priorityDate"), date(json, "grantDate"),
                date(json, "expiryDate"), text(json, "expiryReason"), legalStatus(json), text(json, "titleEn"),
                text(json, "titleZh"), text(json, "abstractEn"), text(json, "abstractZh"), list(json, "applicants"),
                list(json, "owners"), list(json, "inventors"), list(json, "cpcCodes"), list(json, "climateTags"),
                list(json, "ipcCodes"), text(json, "officeLink"), text(json, "member"));
    }

    /** @return the field's text, or null when it is missing or null */
    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadField(field + ": expected a string, found " + kind(value));
        }
        return value.textValue();
    }

    private static LocalDate date(JsonNode json, String field) {
        String text = text(json, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text); // ISO: YYYY-MM-DD, a real calendar day
        } catch (DateTimeParseException e) {
            throw new BadField(field + ": \"" + shorten(text) + "\" is not a date YYYY-MM-DD");
        }
    }

    private static LegalStatus legalStatus(JsonNode json) {
        String text = text(json, "legalStatus");
        if (text == null) {
            return null;
        }
        return LegalStatus.fromWire(text).orElseThrow(() -> new BadField("legalStatus: \"" + shorten(text)
                + "\" is none of " + STATUSES));
    }

    /** @return the array's strings, or an empty list when the field is missing or null */
    private static List<String> list(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new BadField(field + ": expected an array of strings, found " + kind(value));
        }
        List<String> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw new BadField(field + "[" + i + "]: expected a string, found " + kind(value.get(i)));
            }
            items.add(value.get(i).textValue());
        }
        return items;
    }

    /** @return "a number", "an object" ... */
    private static String kind(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        String type = value.getNodeType().name().toLowerCase(Locale.ROOT);
        return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
    }

    /** A value from the file in a message: at most 60 characters. */
    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** A field that cannot be read; the message, naming the field, is the rejection's reason. */
    private static final class BadField extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BadField(String message) {
            super(message, null, false, false);
        }
    }
}
