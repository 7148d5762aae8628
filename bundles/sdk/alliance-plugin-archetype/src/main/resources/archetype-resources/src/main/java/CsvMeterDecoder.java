package ${package};

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.carbonalliance.telemetry.api.DecodedReading;
import org.carbonalliance.telemetry.api.PayloadDecoder;
import org.osgi.service.component.annotations.Component;

/**
 * The plugin's extension point: a {@link PayloadDecoder} turns a device's own payload format into readings. This one
 * reads {@code text/csv} bodies, one reading per line: {@code metric,unit,value,time} with an ISO 8601 time, for
 * example {@code energy,kWh,1520.5,2026-05-01T00:00:00Z}. A line it cannot read refuses the whole payload with a
 * message naming the line, so the device's operator can fix it; nothing is stored then.
 */
@Component(service = PayloadDecoder.class)
public class CsvMeterDecoder implements PayloadDecoder {

    static final String NAME = "${artifactId}-csv";
    private static final int MAX_LINES = 1000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean handles(String deviceType, String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith("text/csv");
    }

    @Override
    public List<DecodedReading> decode(byte[] payload, String deviceId) {
        List<DecodedReading> readings = new ArrayList<>();
        String[] lines = new String(payload, StandardCharsets.UTF_8).split("\r?\n");
        if (lines.length > MAX_LINES) {
            throw new IllegalArgumentException("at most " + MAX_LINES + " lines per payload");
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 4) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected metric,unit,value,time");
            }
            try {
                readings.add(new DecodedReading(cells[0].strip(), Instant.parse(cells[3].strip()), cells[1].strip(),
                        Double.parseDouble(cells[2].strip())));
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return readings;
    }
}
