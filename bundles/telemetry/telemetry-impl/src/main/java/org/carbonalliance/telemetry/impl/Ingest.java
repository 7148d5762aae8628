package org.carbonalliance.telemetry.impl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.plugin.PluginCallException;
import org.carbonalliance.platform.api.plugin.PluginCalls;
import org.carbonalliance.platform.api.plugin.PluginNames;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.JsonText;
import org.carbonalliance.telemetry.api.DecodedReading;
import org.carbonalliance.telemetry.api.PayloadDecoder;
import org.carbonalliance.telemetry.impl.TelemetryRecords.IngestResult;
import org.carbonalliance.telemetry.impl.TelemetryRecords.LastValue;
import org.carbonalliance.telemetry.impl.senml.SenmlException;
import org.carbonalliance.telemetry.impl.senml.SenmlParser;
import org.carbonalliance.telemetry.impl.senml.SenmlRecord;
import org.carbonalliance.telemetry.impl.store.Point;
import org.carbonalliance.telemetry.impl.store.ReadingStore;
import org.hibernate.Session;
import org.carbonalliance.telemetry.api.TelemetryEvents;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * A device's readings in: SenML ({@code application/senml+json}), a plain JSON object, or a plugin decoder's format.
 * Every record is checked first (its metric registered on the device, its unit the metric's, a finite number, a time
 * not far in the future); one bad record refuses the whole batch with its index. The answer comes after the commit.
 * Decoder plugins are called through {@link PluginCalls} only: {@code decode} within 2 s, {@code handles} and
 * {@code name} (asked once per decoder) within 1 s.
 */
class Ingest {

    static final Duration DECODE_LIMIT = Duration.ofSeconds(2);
    static final Duration QUICK_LIMIT = Duration.ofSeconds(1);

    private final Database database;
    private final Supplier<List<PayloadDecoder>> decoders;
    private final Clock clock;
    private final PluginCalls calls;
    private final EventAdmin events;
    /** The names the decoders gave, each asked once; forgotten with the decoder. */
    private final PluginNames<PayloadDecoder> names;

    Ingest(Database database, Supplier<List<PayloadDecoder>> decoders, Clock clock, PluginCalls calls,
            EventAdmin events) {
        this.database = database;
        this.decoders = decoders;
        this.clock = clock;
        this.calls = calls;
        this.events = events;
        this.names = new PluginNames<>(calls, "PayloadDecoder", PayloadDecoder::name, d -> d.getClass().getName(),
                d -> decoders.get().contains(d));
    }

    /** A decoder went away: its name is not kept. */
    void forget(PayloadDecoder decoder) {
        names.forget(decoder);
    }

    IngestResult ingest(AlliancePrincipal caller, String contentType, byte[] body) {
        String deviceId = caller.username().substring("device:".length());
        Instant now = clock.instant();
        Device device = database.read(em -> Devices.device(em, deviceId));
        Map<String, String> metrics = Devices.metrics(device);
        List<Point> points = points(device, metrics, contentType, body, now);
        int stored = database.inTransaction(em -> {
            Device d = Devices.device(em, deviceId);
            int[] fresh = new int[1];
            em.unwrap(Session.class).doWork(c -> fresh[0] = ReadingStore.store(c, d.tenantId, d.id, points));
            d.lastSeenAt = now;
            Map<String, LastValue> last = new TreeMap<>(Devices.lastValues(d));
            for (Point p : points) {
                LastValue was = last.get(p.metric());
                if (was == null || was.at().toEpochMilli() <= p.ts()) {
                    last.put(p.metric(), new LastValue(p.value(), Instant.ofEpochMilli(p.ts())));
                }
            }
            d.lastValues = JsonText.write(last);
            return fresh[0];
        });
        if (stored > 0) {   // committed: inTransaction has returned
            events.postEvent(new Event(TelemetryEvents.READINGS_STORED, Map.of(TelemetryEvents.TENANT,
                    device.tenantId, TelemetryEvents.DEVICE, deviceId, TelemetryEvents.COUNT, stored)));
        }
        return new IngestResult(points.size(), stored, points.size() - stored);
    }

    private List<Point> points(Device device, Map<String, String> metrics, String contentType, byte[] body,
            Instant now) {
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (type.equals("application/senml+json") || type.equals("application/json")) {
            List<SenmlRecord> records;
            try {
                records = new SenmlParser().parse(new ByteArrayInputStream(body), now);
            } catch (SenmlException e) {
                throw ApiException.badRequest(e.getMessage(), List.of(e.getMessage()));
            } catch (IOException e) {
                throw ApiException.badRequest("The body could not be read: " + e.getMessage(), List.of());
            }
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                SenmlRecord r = records.get(i);
                // A numeric value, or else a sum ('s', such as a meter's cumulative energy); text, boolean and data
                // values have no place in a numeric series.
                Double value = r.value() != null ? r.value() : r.sum();
                if (value == null) {
                    throw refused(i, "only numeric values ('v') or sums ('s') are stored");
                }
                points.add(point(i, metric(i, r.name(), metrics), r.unit(), metrics, r.instant().toEpochMilli(),
                        value));
            }
            return points;
        }
        PayloadDecoder decoder = decoders.get().stream().filter(d -> handles(d, device.type, type)).findFirst()
                .orElseThrow(() -> new ApiException(415, "unsupported-media-type", "Send application/senml+json or "
                        + "application/json; no installed decoder reads '" + type + "' for a " + device.type + "."));
        List<DecodedReading> decoded = decode(decoder, body, device.id);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < decoded.size(); i++) {
            DecodedReading r = decoded.get(i);
            long ts = (r.time() == null ? now : r.time()).toEpochMilli();
            if (ts > now.plus(SenmlParser.DEFAULT_MAX_FUTURE).toEpochMilli()) {
                throw refused(i, "its time lies more than a day in the future");
            }
            points.add(point(i, metric(i, r.metric(), metrics), r.unit(), metrics, ts, r.value()));
        }
        return points;
    }

    /** @return whether the decoder says it reads the payload, within 1 s; a failure or no answer is a "no" */
    private boolean handles(PayloadDecoder decoder, String deviceType, String contentType) {
        return calls.callOr(decoder, "PayloadDecoder '" + names.of(decoder) + "'.handles", QUICK_LIMIT,
                () -> decoder.handles(deviceType, contentType), false);
    }

    /** Runs a decoder with its limit: a refusal, failure or time-out refuses the payload (400), naming the decoder. */
    private List<DecodedReading> decode(PayloadDecoder decoder, byte[] body, String device) {
        String name = names.of(decoder);
        Object outcome;
        try {
            outcome = calls.call(decoder, "PayloadDecoder '" + name + "'.decode", DECODE_LIMIT, () -> {
                try {
                    return decoder.decode(body, device);
                } catch (IllegalArgumentException e) {
                    return e; // the decoder's documented "not my payload": an answer, not a failure of the plugin
                }
            });
        } catch (PluginCallException e) {
            throw ApiException.badRequest(switch (e.kind()) {
                case TIMED_OUT -> "Decoder " + name + " did not finish within " + DECODE_LIMIT.toSeconds()
                        + " s; nothing was stored.";
                case HUNG -> "Decoder " + name + " is not answering (earlier payloads are still being decoded past "
                        + "their limit); nothing was stored.";
                case FAILED -> "Decoder " + name + " failed on the payload (" + e.getCause().getClass().getSimpleName()
                        + "); nothing was stored.";
            }, List.of());
        }
        if (outcome instanceof IllegalArgumentException refusal) {
            throw ApiException.badRequest("Decoder " + name + " refused the payload: " + refusal.getMessage(),
                    List.of());
        }
        @SuppressWarnings("unchecked")
        List<DecodedReading> readings = (List<DecodedReading>) outcome;
        if (readings == null || readings.isEmpty()) {
            throw ApiException.badRequest("Decoder " + name + " found no readings in the payload.", List.of());
        }
        return readings;
    }

    /** The registered metric a record names: the whole name, or its last segment after ':' or '/'. */
    static String metric(int index, String name, Map<String, String> metrics) {
        if (metrics.containsKey(name)) {
            return name;
        }
        String tail = name.substring(Math.max(name.lastIndexOf(':'), name.lastIndexOf('/')) + 1);
        if (metrics.containsKey(tail)) {
            return tail;
        }
        throw refused(index, "'" + name + "' is not a metric of this device (its metrics: "
                + String.join(", ", metrics.keySet()) + ")");
    }

    private static Point point(int index, String metric, String unit, Map<String, String> metrics, long ts,
            double value) {
        String expected = metrics.get(metric);
        if (unit != null && !unit.equals(expected)) {
            throw refused(index, "unit '" + unit + "' contradicts the unit of " + metric + ", '" + expected + "'");
        }
        if (!Double.isFinite(value)) {
            throw refused(index, "the value is not a finite number");
        }
        return new Point(metric, ts, value);
    }

    private static ApiException refused(int index, String message) {
        String text = "record " + index + ": " + message;
        return ApiException.badRequest(text + "; nothing of this batch was stored.", List.of(text));
    }
}
