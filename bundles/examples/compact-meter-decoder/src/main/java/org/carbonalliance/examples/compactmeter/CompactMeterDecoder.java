package org.carbonalliance.examples.compactmeter;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.carbonalliance.telemetry.api.DecodedReading;
import org.carbonalliance.telemetry.api.DeviceTypes;
import org.carbonalliance.telemetry.api.PayloadDecoder;
import org.osgi.service.component.annotations.Component;

/**
 * A sample {@link PayloadDecoder}, written against the telemetry API only: it reads the binary frames of the
 * "Compact Meter", a <em>fictional</em> vendor's electricity meter, sent as {@code application/octet-stream} by a
 * device of type {@code electricity-meter}.
 * <p>
 * A payload is one or more frames of 11 bytes each, back to back; every number is big-endian:
 *
 * <pre>
 * offset  size  field
 *      0     1  version: 1
 *      1     4  time: Unix seconds (UTC), unsigned; 0 means the meter's clock is not set
 *      5     4  energy: the register's cumulative energy in Wh, unsigned
 *      9     2  power: the active power in W when the frame was taken, signed (negative: exported)
 * </pre>
 *
 * Each frame gives two readings at its time: {@code energy} in kWh (Wh / 1000) and {@code power} in W, in frame
 * order. A payload that is not made of such frames is refused as a whole with an {@link IllegalArgumentException}
 * naming the first problem: nothing of it is returned.
 */
@Component(service = PayloadDecoder.class)
public class CompactMeterDecoder implements PayloadDecoder {

    static final String NAME = "compact-meter-v1";
    static final String CONTENT_TYPE = "application/octet-stream";

    /** The length of one frame, in bytes. */
    static final int FRAME = 11;
    /** The only frame version this decoder reads. */
    static final int VERSION = 1;
    /** The most frames in one payload: 10,000 readings, as many as one SenML batch may carry. */
    static final int MAX_FRAMES = 5000;

    static final String ENERGY = "energy";
    static final String ENERGY_UNIT = "kWh";
    static final String POWER = "power";
    static final String POWER_UNIT = "W";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean handles(String deviceType, String contentType) {
        return DeviceTypes.ELECTRICITY_METER.equals(deviceType) && contentType != null
                && CONTENT_TYPE.equals(contentType.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public List<DecodedReading> decode(byte[] payload, String deviceId) {
        if (payload == null || payload.length == 0) {
            throw new IllegalArgumentException("the payload is empty; send one or more frames of " + FRAME
                    + " bytes");
        }
        if (payload.length % FRAME != 0) {
            throw new IllegalArgumentException("payload length " + payload.length + " is not a multiple of "
                    + FRAME + " bytes");
        }
        int frames = payload.length / FRAME;
        if (frames > MAX_FRAMES) {
            throw new IllegalArgumentException("payload of " + frames + " frames; send at most " + MAX_FRAMES
                    + " frames in one request");
        }
        ByteBuffer in = ByteBuffer.wrap(payload); // big-endian
        List<DecodedReading> readings = new ArrayList<>(2 * frames);
        for (int frame = 1; frame <= frames; frame++) { // numbered from 1 in messages
            int version = Byte.toUnsignedInt(in.get());
            if (version != VERSION) {
                throw new IllegalArgumentException("frame " + frame + ": version " + version
                        + " is not supported (" + NAME + " reads version " + VERSION + ")");
            }
            long seconds = Integer.toUnsignedLong(in.getInt());
            if (seconds == 0) {
                throw new IllegalArgumentException("frame " + frame + ": time 0, the meter's clock is not set");
            }
            Instant time = Instant.ofEpochSecond(seconds);
            long wattHours = Integer.toUnsignedLong(in.getInt());
            short watts = in.getShort();
            readings.add(new DecodedReading(ENERGY, time, ENERGY_UNIT, wattHours / 1000.0));
            readings.add(new DecodedReading(POWER, time, POWER_UNIT, watts));
        }
        return readings; // all of them: a payload that cannot be read whole has thrown above
    }
}
