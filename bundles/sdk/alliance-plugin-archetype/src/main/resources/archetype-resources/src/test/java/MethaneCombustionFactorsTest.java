package ${package};

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.carbonalliance.emissions.api.EmissionFactor;
import org.junit.Test;

/** The factor source keeps the platform's rules and its figure is the chemistry it claims. */
public class MethaneCombustionFactorsTest {

    private final MethaneCombustionFactors source = new MethaneCombustionFactors();

    @Test
    public void theIdIsOneThePlatformAccepts() {
        assertTrue(source.id(), source.id().matches("[a-z0-9-]{1,60}"));
        assertEquals(1, source.factors().size());
    }

    @Test
    public void theFigureIsTheMolarMassRatio() {
        BigDecimal co2 = new BigDecimal("12.011").add(new BigDecimal("15.999").multiply(BigDecimal.valueOf(2)));
        BigDecimal ch4 = new BigDecimal("12.011").add(new BigDecimal("1.008").multiply(BigDecimal.valueOf(4)));
        BigDecimal ratio = co2.divide(ch4, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP);
        EmissionFactor factor = source.factors().get(0);
        assertEquals(0, ratio.compareTo(factor.value()));
        assertEquals("t", factor.numeratorUnit());
        assertEquals("t", factor.denominatorUnit());
    }
}
