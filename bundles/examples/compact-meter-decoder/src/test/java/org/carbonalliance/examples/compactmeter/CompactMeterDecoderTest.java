package org.carbonalliance.examples.compactmeter;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.carbonalliance.telemetry.api.DecodedReading;
import org.carbonalliance.telemetry.api.DeviceTypes;
import org.junit.Test;

public class CompactMeterDecoderTest {

    private static final String DEVICE = "0b6c5f7e-3f7a-4a55-9d1e-6a0c2f1e9b11";

    /** Version 1; 2026-01-01T00:00:00Z (0x6955B900); 12,345,678 Wh (0x00BC614E); 1,500 W (0x05DC). */
    private static final int[] FRAME_1 = { 0x01, 0x69, 0x55, 0xB9, 0x00, 0x00, 0xBC, 0x61, 0x4E, 0x05, 0xDC };

    /** Version 1; 2026-01-01T00:15:00Z (0x6955BC84); 12,345,990 Wh (0x00BC6286); -250 W, exported (0xFF06). */
    private static final int[] FRAME_2 = { 0x01, 0x69, 0x55, 0xBC, 0x84, 0x00, 0xBC, 0x62, 0x86, 0xFF, 0x06 };

    private final CompactMeterDecoder decoder = new CompactMeterDecoder();

    @Test
    public void oneFrameGivesEnergyInKilowattHoursAndPowerInWatts() {
        List<DecodedReading> readings = decoder.decode(bytes(FRAME_1), DEVICE);

        Instant time = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(List.of(new DecodedReading("energy", time, "kWh", 12345.678),
                new DecodedReading("power", time, "W", 1500)), readings);
    }

    @Test
    public void repeatedFramesGiveTheirReadingsInFrameOrder() {
        List<DecodedReading> readings = decoder.decode(bytes(FRAME_1, FRAME_2), DEVICE);

        Instant first = Instant.parse("2026-01-01T00:00:00Z");
        Instant second = Instant.parse("2026-01-01T00:15:00Z");
        assertEquals(List.of(new DecodedReading("energy", first, "kWh", 12345.678),
                new DecodedReading("power", first, "W", 1500),
                new DecodedReading("energy", second, "kWh", 12345.990),
                new DecodedReading("power", second, "W", -250)), readings);
    }

    @Test
    public void timeAndEnergyAreUnsignedAndPowerIsSigned() {
        // time 0xFFFFFFFF, energy 0xFFFFFFFF Wh, power 0x8000 (the most negative 16-bit number)
        int[] extremes = { 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x80, 0x00 };
        // time 1 s, energy 0 Wh, power 0x7FFF (the largest)
        int[] smallest = { 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x7F, 0xFF };

        List<DecodedReading> readings = decoder.decode(bytes(extremes, smallest), DEVICE);

        Instant last = Instant.parse("2106-02-07T06:28:15Z");
        Instant epochPlusOne = Instant.parse("1970-01-01T00:00:01Z");
        assertEquals(List.of(new DecodedReading("energy", last, "kWh", 4294967.295),
                new DecodedReading("power", last, "W", -32768),
                new DecodedReading("energy", epochPlusOne, "kWh", 0),
                new DecodedReading("power", epochPlusOne, "W", 32767)), readings);
    }

    @Test
    public void theLargestPayloadIsRead() {
        int[][] frames = new int[CompactMeterDecoder.MAX_FRAMES][];
        Arrays.fill(frames, FRAME_1);
        assertEquals(2 * 5000, decoder.decode(bytes(frames), DEVICE).size());
    }

    @Test
    public void anEmptyPayloadIsRefused() {
        assertRefused("the payload is empty; send one or more frames of 11 bytes", new byte[0]);
        assertRefused("the payload is empty; send one or more frames of 11 bytes", null);
    }

    @Test
    public void aPayloadThatIsNotWholeFramesIsRefused() {
        byte[] thirteen = new byte[13];
        System.arraycopy(bytes(FRAME_1), 0, thirteen, 0, 11);
        assertRefused("payload length 13 is not a multiple of 11 bytes", thirteen);
        assertRefused("payload length 10 is not a multiple of 11 bytes", new byte[10]);
        assertRefused("payload length 23 is not a multiple of 11 bytes",
                Arrays.copyOf(bytes(FRAME_1, FRAME_2), 23));
    }

    @Test
    public void anUnknownVersionIsRefusedWithItsFrameAndNothingIsReturned() {
        int[] version7 = FRAME_2.clone();
        version7[0] = 0x07;
        assertRefused("frame 2: version 7 is not supported (compact-meter-v1 reads version 1)",
                bytes(FRAME_1, version7, FRAME_1));

        int[] version0 = FRAME_1.clone();
        version0[0] = 0x00;
        assertRefused("frame 1: version 0 is not supported (compact-meter-v1 reads version 1)", bytes(version0));

        int[] version255 = FRAME_1.clone();
        version255[0] = 0xFF;
        assertRefused("frame 3: version 255 is not supported (compact-meter-v1 reads version 1)",
                bytes(FRAME_1, FRAME_2, version255));
    }

    @Test
    public void aFrameWithoutClockTimeIsRefused() {
        int[] noClock = { 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0xBC, 0x61, 0x4E, 0x05, 0xDC };
        assertRefused("frame 2: time 0, the meter's clock is not set", bytes(FRAME_1, noClock));
    }

    @Test
    public void tooManyFramesAreRefused() {
        int[][] frames = new int[CompactMeterDecoder.MAX_FRAMES + 1][];
        Arrays.fill(frames, FRAME_1);
        assertRefused("payload of 5001 frames; send at most 5000 frames in one request", bytes(frames));
    }

    @Test
    public void thePayloadIsLeftAsItCame() {
        byte[] payload = bytes(FRAME_1, FRAME_2);
        byte[] copy = payload.clone();
        decoder.decode(payload, DEVICE);
        assertArrayEquals(copy, payload);
    }

    @Test
    public void handlesElectricityMetersSendingOctetStreamsOnly() {
        assertEquals("compact-meter-v1", decoder.name());
        assertTrue(decoder.handles("electricity-meter", "application/octet-stream"));
        assertTrue(decoder.handles(DeviceTypes.ELECTRICITY_METER, "Application/Octet-Stream"));
        for (String type : DeviceTypes.ALL) {
            if (!type.equals(DeviceTypes.ELECTRICITY_METER)) {
                assertFalse(type, decoder.handles(type, "application/octet-stream"));
            }
        }
        assertFalse(decoder.handles("electricity-meter", "application/json"));
        assertFalse(decoder.handles("electricity-meter", "application/senml+json"));
        assertFalse(decoder.handles("electricity-meter", "application/cbor"));
        assertFalse(decoder.handles("electricity-meter", null));
        assertFalse(decoder.handles(null, "application/octet-stream"));
    }

    private void assertRefused(String message, byte[] payload) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> decoder.decode(payload, DEVICE));
        assertEquals(message, e.getMessage());
    }

    /** @return the frames' bytes, back to back; each frame is written as unsigned bytes, 0x00 to 0xFF */
    private static byte[] bytes(int[]... frames) {
        int length = 0;
        for (int[] frame : frames) {
            length += frame.length;
        }
        byte[] bytes = new byte[length];
        int at = 0;
        for (int[] frame : frames) {
            for (int b : frame) {
                bytes[at++] = (byte) b;
            }
        }
        return bytes;
    }
}
