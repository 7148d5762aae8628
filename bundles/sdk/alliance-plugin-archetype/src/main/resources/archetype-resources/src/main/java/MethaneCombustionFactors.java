package ${package};

import java.math.BigDecimal;
import java.util.List;
import org.carbonalliance.emissions.api.EmissionFactor;
import org.carbonalliance.emissions.api.FactorSource;
import org.osgi.service.component.annotations.Component;

/**
 * The plugin's extension point: a {@link FactorSource} adds emission factors to the platform's factor library, where
 * members' calculations can use them (see the plugin guide for the others: onboarding checks, patent sources, licence
 * policies, payload decoders, health checks, console pages, event listeners).
 * <p>
 * The figure here is chemistry, not a measurement: burning one tonne of pure methane completely releases
 * 44.009 / 16.043 = 2.7432 t of CO2 (IUPAC standard atomic weights). Replace it with your institute's published
 * factors, each with the document and table it comes from.
 */
@Component(service = FactorSource.class)
public class MethaneCombustionFactors implements FactorSource {

    static final String ID = "${artifactId}";

    static final EmissionFactor METHANE = new EmissionFactor("methane-stoichiometric",
            "process/combustion-methane-stoichiometric", "GLOBAL", "CO2", new BigDecimal("2.7432"), "t", "t", null,
            2024, "${groupId}", "Stoichiometry with IUPAC standard atomic weights", "CH4 + 2 O2 -> CO2 + 2 H2O",
            "Complete oxidation of pure methane; molar masses CO2 44.009, CH4 16.043 g/mol.");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "${artifactId}: CO2 from the complete combustion of methane (stoichiometric)";
    }

    @Override
    public List<EmissionFactor> factors() {
        return List.of(METHANE);
    }
}
