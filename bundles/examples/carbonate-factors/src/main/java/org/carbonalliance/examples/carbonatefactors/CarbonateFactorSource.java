package org.carbonalliance.examples.carbonatefactors;

import java.math.BigDecimal;
import java.util.List;
import org.carbonalliance.emissions.api.EmissionFactor;
import org.carbonalliance.emissions.api.FactorSource;
import org.osgi.service.component.annotations.Component;

/**
 * A sample {@link FactorSource}, written against the emissions API only: the CO2 released when a carbonate is
 * calcined (heated until it gives off its carbon as CO2), in tonnes of CO2 per tonne of carbonate, from the 2006 IPCC
 * Guidelines, Volume 3, Chapter 2, Table 2.1. The figures are stoichiometric: the molar mass of the CO2 a carbonate
 * releases divided by the carbonate's molar mass, so they apply to complete calcination.
 * <p>
 * Ankerite, Ca(Fe,Mg,Mn)(CO3)2, is left out: the table gives it a range, because its iron, magnesium and manganese
 * vary, and choosing one figure in that range would be this plugin's figure, not the IPCC's.
 */
@Component(service = FactorSource.class)
public class CarbonateFactorSource implements FactorSource {

    static final String ID = "ipcc-2006-carbonates";
    static final String PUBLISHER = "IPCC (Intergovernmental Panel on Climate Change)";
    static final String DOCUMENT = "2006 IPCC Guidelines for National Greenhouse Gas Inventories, Volume 3: "
            + "Industrial Processes and Product Use, Chapter 2: Mineral Industry Emissions";
    static final String TABLE = "Table 2.1";
    static final int PUBLISHED = 2006;

    private static final String HOW = " Stoichiometric, for complete calcination: for a carbonate only partly"
            + " calcined, enter the mass times the fraction calcined.";
    private static final String CHECKED = " Checked against a third-party transcription of Table 2.1 (the IPCC PDF"
            + " itself was not read) and recomputed from IUPAC standard atomic weights";

    /** Table 2.1, one row per carbonate, the figures exactly as published (t CO2 per t carbonate). */
    private static final List<EmissionFactor> FACTORS = List.of(
            factor("calcite", "process/calcination-calcite", "0.43971",
                    "Calcite or aragonite, CaCO3." + HOW + CHECKED + ": 0.43971."),
            factor("magnesite", "process/calcination-magnesite", "0.52197",
                    "Magnesite, MgCO3." + HOW + CHECKED + ": 0.52197."),
            factor("dolomite", "process/calcination-dolomite", "0.47732",
                    "Dolomite, CaMg(CO3)2." + HOW + CHECKED + ": 0.47732."),
            factor("siderite", "process/calcination-siderite", "0.37987",
                    "Siderite, FeCO3." + HOW + CHECKED + ": 0.37987."),
            factor("rhodochrosite", "process/calcination-rhodochrosite", "0.38286",
                    "Rhodochrosite, MnCO3." + HOW + CHECKED + ": 0.38287 (the table rounds down)."),
            factor("soda-ash", "process/calcination-soda-ash", "0.41492",
                    "Sodium carbonate (soda ash), Na2CO3." + HOW + CHECKED + ": 0.41523 (Na2CO3 105.99 g/mol). The"
                            + " published figure, kept as published, is 0.07 % lower, as if Na2CO3 weighed"
                            + " 106.07 g/mol."));

    private static EmissionFactor factor(String key, String activityType, String value, String note) {
        return new EmissionFactor(key, activityType, "GLOBAL", "CO2", new BigDecimal(value), "t", "t", null,
                PUBLISHED, PUBLISHER, DOCUMENT, TABLE, note);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "IPCC 2006 Vol. 3 Table 2.1: CO2 from carbonate calcination (stoichiometric)";
    }

    @Override
    public List<EmissionFactor> factors() {
        return FACTORS;
    }
}
