package org.carbonalliance.telemetry.impl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.carbonalliance.platform.api.persistence.Database;
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

/**
 * A device's readings in: SenML ({@code application/senml+json}), a plain JSON object, or a plugin decoder's format.
 * Every record is checked first (its metric registered on the device, its unit the metric's, a finite number, a time
 * not far in the future); one bad record refuses the whole batch with its index. The answer comes after the commit.
 */
class Ingest {

    private final Database database;
    private final Supplier<List<PayloadDecoder>> decoders;
    private final Clock clock;

    Ingest(Database database, Supplier<List<PayloadDecoder>> decoders, Clock clock) {
        this.database = database;
        this.decoders = decoders;
        this.clock = clock;
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
        List<DecodedReading> decoded = Decoding.decode(decoder, body, device.id);
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

    private static boolean handles(PayloadDecoder decoder, String deviceType, String contentType) {
        try {
            return decoder.handles(deviceType, contentType);
        } catch (RuntimeException e) {
            return false;
        }
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

    /** Runs a decoder with its time limit. */
    static final class Decoding {
        private static final java.util.concurrent.ExecutorService POOL =
                java.util.concurrent.Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "payload-decoder");
                    t.setDaemon(true);
                    return t;
                });

        private Decoding() {
        }

        static List<DecodedReading> decode(PayloadDecoder decoder, byte[] body, String device) {
            String name = Optional.ofNullable(safeName(decoder)).orElse("a decoder");
            java.util.concurrent.Future<List<DecodedReading>> call = POOL.submit(() -> decoder.decode(body, device));
            try {
                List<DecodedReading> readings = call.get(2, java.util.concurrent.TimeUnit.SECONDS);
                if (readings == null || readings.isEmpty()) {
                    throw ApiException.badRequest("Decoder " + name + " found no readings in the payload.",
                            List.of());
                }
                return readings;
            } catch (java.util.concurrent.TimeoutException e) {
                call.cancel(true);
                throw ApiException.badRequest("Decoder " + name + " did not finish within 2 s; nothing was stored.",
                        List.of());
            } catch (java.util.concurrent.ExecutionException e) {
                throw ApiException.badRequest("Decoder " + name + " refused the payload: "
                        + e.getCause().getMessage(), List.of());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String safeName(PayloadDecoder decoder) {
            try {
                return decoder.name();
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
