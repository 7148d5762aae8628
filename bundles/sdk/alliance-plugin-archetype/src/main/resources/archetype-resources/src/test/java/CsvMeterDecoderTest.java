package ${package};

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.carbonalliance.telemetry.api.DecodedReading;
import org.junit.Test;

public class CsvMeterDecoderTest {

    private final CsvMeterDecoder decoder = new CsvMeterDecoder();

    @Test
    public void eachLineIsAReading() {
        List<DecodedReading> readings = decoder.decode(("energy,kWh,1520.5,2026-05-01T00:00:00Z\n"
                + "power,W,830,2026-05-01T00:00:00Z\n").getBytes(StandardCharsets.UTF_8), "meter-1");
        assertEquals(2, readings.size());
        assertEquals(1520.5, readings.get(0).value(), 0);
        assertTrue(decoder.handles("meter", "text/csv; charset=utf-8"));
    }

    @Test
    public void aBadLineIsNamed() {
        try {
            decoder.decode("energy,kWh,lots,2026-05-01T00:00:00Z".getBytes(StandardCharsets.UTF_8), "meter-1");
            fail("refused");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("line 1"));
        }
    }
}
