package ${package};

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.carbonalliance.licensing.api.LicenceRequestFacts;
import org.carbonalliance.licensing.api.PolicyDecision;
import org.junit.Test;

public class TerminationHistoryPolicyTest {

    private final TerminationHistoryPolicy policy = new TerminationHistoryPolicy();

    private static LicenceRequestFacts request(int terminated) {
        return new LicenceRequestFacts("r1", "Soil Institute", "t1", "CN", true, "o1", 1, true,
                List.of("CN112345678B"), List.of("Y02P"), "Research on soil carbon", List.of("CN"), terminated);
    }

    @Test
    public void aCleanHistoryIsGranted() {
        assertEquals(PolicyDecision.Outcome.GRANT, policy.evaluate(request(0)).outcome());
    }

    @Test
    public void anEarlierTerminationGoesToTheSecretariat() {
        assertEquals(PolicyDecision.Outcome.REFER, policy.evaluate(request(1)).outcome());
    }
}
