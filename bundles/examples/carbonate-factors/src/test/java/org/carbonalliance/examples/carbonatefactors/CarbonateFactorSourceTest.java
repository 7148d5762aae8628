package org.carbonalliance.examples.carbonatefactors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.carbonalliance.emissions.api.EmissionFactor;
import org.junit.Test;

public class CarbonateFactorSourceTest {

    /** IUPAC standard atomic weights (abridged), g/mol. */
    private static final Map<String, Double> ATOMIC_WEIGHT = Map.of("C", 12.011, "O", 15.999, "Ca", 40.078, "Mg",
            24.305, "Fe", 55.845, "Mn", 54.938, "Na", 22.990);

    /** The formula of each shipped factor's carbonate. */
    private static final Map<String, String> FORMULA = Map.of("calcite", "CaCO3", "magnesite", "MgCO3", "dolomite",
            "CaMg(CO3)2", "siderite", "FeCO3", "rhodochrosite", "MnCO3", "soda-ash", "Na2CO3");

    /** How far a shipped figure may be from the stoichiometric one: 0.05 %. */
    private static final double TOLERANCE = 0.0005;

    /**
     * Published figures further from the stoichiometry than {@link #TOLERANCE}, shipped as published, with the
     * relative difference they have. Soda ash: Table 2.1 prints 0.41492; the atomic weights give 0.41523.
     */
    private static final Map<String, Double> PUBLISHED_DIFFERENCE = Map.of("soda-ash", -0.000738);

    private final List<EmissionFactor> factors = new CarbonateFactorSource().factors();

    @Test
    public void everyFigureIsTheStoichiometricOne() {
        assertEquals("a formula for every factor, a factor for every formula", FORMULA.keySet(),
                factors.stream().map(EmissionFactor::key).collect(Collectors.toSet()));
        for (EmissionFactor f : factors) {
            double stoichiometric = co2PerCarbonate(FORMULA.get(f.key()));
            double difference = (f.value().doubleValue() - stoichiometric) / stoichiometric;
            String what = String.format("%s (%s): shipped %s, stoichiometric %.6f, difference %+.4f %%", f.key(),
                    FORMULA.get(f.key()), f.value().toPlainString(), stoichiometric, difference * 100);
            Double published = PUBLISHED_DIFFERENCE.get(f.key());
            if (published == null) {
                assertTrue(what, Math.abs(difference) <= TOLERANCE);
            } else {
                assertEquals(what + ", the table's own difference", published, difference, 0.00005);
            }
        }
    }

    @Test
    public void theCheckTellsAWrongFigure() {
        assertEquals(100.086, molarMass("CaCO3"), 0.0005);
        assertEquals(184.399, molarMass("CaMg(CO3)2"), 0.0005);
        assertEquals(0.439712, co2PerCarbonate("CaCO3"), 0.0000005);
        // a figure mistyped in its fourth digit, or the dolomite figure per mole of CO3 instead of per formula
        assertTrue(Math.abs(0.43917 / co2PerCarbonate("CaCO3") - 1) > TOLERANCE);
        assertTrue(Math.abs(0.23866 / co2PerCarbonate("CaMg(CO3)2") - 1) > TOLERANCE);
    }

    @Test
    public void keysAreUniqueAndKebabCase() {
        Set<String> keys = new HashSet<>();
        for (EmissionFactor f : factors) {
            assertTrue("duplicate key " + f.key(), keys.add(f.key()));
            assertTrue(f.key(), f.key().matches("[a-z0-9]+(-[a-z0-9]+)*"));
        }
        assertEquals(6, keys.size());
    }

    @Test
    public void unitsActivityTypesAndProvenance() {
        CarbonateFactorSource source = new CarbonateFactorSource();
        assertEquals("ipcc-2006-carbonates", source.id());
        assertTrue(source.title(), source.title().startsWith("IPCC 2006 Vol. 3 Table 2.1"));
        for (EmissionFactor f : factors) {
            assertEquals("process/calcination-" + f.key(), f.activityType());
            assertEquals("GLOBAL", f.region());
            assertEquals("CO2", f.gas());
            assertEquals("t", f.numeratorUnit());
            assertEquals("t", f.denominatorUnit());
            assertNull("IPCC defaults apply to any year", f.validYear());
            assertEquals(2006, f.publishedYear());
            assertEquals("IPCC (Intergovernmental Panel on Climate Change)", f.publisher());
            assertEquals("2006 IPCC Guidelines for National Greenhouse Gas Inventories, Volume 3: Industrial "
                    + "Processes and Product Use, Chapter 2: Mineral Industry Emissions", f.document());
            assertEquals("Table 2.1", f.table());
            assertTrue(f.key(), f.value().scale() == 5 && f.value().signum() > 0);
            assertTrue(f.key(), f.note() != null && f.note().length() <= 2000);
        }
    }

    /** @return tonnes of CO2 released per tonne of {@code formula}: all its carbon leaves as CO2 */
    private static double co2PerCarbonate(String formula) {
        int carbon = atoms(formula).get("C");
        return carbon * (ATOMIC_WEIGHT.get("C") + 2 * ATOMIC_WEIGHT.get("O")) / molarMass(formula);
    }

    private static double molarMass(String formula) {
        return atoms(formula).entrySet().stream().mapToDouble(e -> ATOMIC_WEIGHT.get(e.getKey()) * e.getValue())
                .sum();
    }

    /** @return the atoms of a formula such as {@code CaMg(CO3)2}: element, count */
    private static Map<String, Integer> atoms(String formula) {
        Map<String, Integer> atoms = new TreeMap<>();
        int[] at = { 0 };
        group(formula, at, 1, atoms);
        assertEquals("unbalanced parentheses in " + formula, formula.length(), at[0]);
        return atoms;
    }

    private static void group(String formula, int[] at, int times, Map<String, Integer> atoms) {
        while (at[0] < formula.length() && formula.charAt(at[0]) != ')') {
            if (formula.charAt(at[0]) == '(') {
                at[0]++;
                Map<String, Integer> inner = new TreeMap<>();
                group(formula, at, 1, inner);
                at[0]++; // the ')'
                int count = count(formula, at);
                inner.forEach((element, n) -> atoms.merge(element, n * count * times, Integer::sum));
            } else {
                int start = at[0]++;
                while (at[0] < formula.length() && Character.isLowerCase(formula.charAt(at[0]))) {
                    at[0]++;
                }
                String element = formula.substring(start, at[0]);
                assertTrue("unknown element " + element + " in " + formula, ATOMIC_WEIGHT.containsKey(element));
                atoms.merge(element, count(formula, at) * times, Integer::sum);
            }
        }
    }

    private static int count(String formula, int[] at) {
        int start = at[0];
        while (at[0] < formula.length() && Character.isDigit(formula.charAt(at[0]))) {
            at[0]++;
        }
        return at[0] == start ? 1 : Integer.parseInt(formula.substring(start, at[0]));
    }
}
