package org.carbonalliance.emissions.impl.calc;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Global warming potentials per gas and {@link GwpSet}, read from {@code factors/gwp.csv}; a blend's GWP is the
 * mass-weighted sum of its components' (R-410A = 0.5 × HFC-32 + 0.5 × HFC-125).
 */
public final class GwpTable {

    private final Map<String, Map<GwpSet, BigDecimal>> values = new LinkedHashMap<>();

    private GwpTable() {
    }

    /** @return the table shipped in this bundle */
    public static GwpTable shipped() {
        try (InputStream in = GwpTable.class.getResourceAsStream("/factors/gwp.csv")) {
            if (in == null) {
                throw new IllegalStateException("factors/gwp.csv is missing from the bundle");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GwpTable read(Reader reader) throws IOException {
        GwpTable table = new GwpTable();
        Map<String, String> blends = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).get();
        for (CSVRecord row : format.parse(reader)) {
            String gas = row.get("gas");
            String formula = row.get("formula");
            if (formula.startsWith("blend:")) {
                blends.put(gas, formula.substring("blend:".length()));
            } else {
                table.values.put(gas, Map.of(GwpSet.AR5, new BigDecimal(row.get("ar5")), GwpSet.AR6,
                        new BigDecimal(row.get("ar6"))));
            }
        }
        blends.forEach((gas, parts) -> table.values.put(gas, table.blend(gas, parts)));
        return table;
    }

    private Map<GwpSet, BigDecimal> blend(String gas, String parts) {
        Map<GwpSet, BigDecimal> result = new LinkedHashMap<>();
        BigDecimal fractions = BigDecimal.ZERO;
        for (String part : parts.split(";")) {
            String[] component = part.split("=");
            BigDecimal fraction = new BigDecimal(component[1]);
            fractions = fractions.add(fraction);
            Map<GwpSet, BigDecimal> gwp = values.get(component[0]);
            if (gwp == null) {
                throw new IllegalStateException("blend " + gas + " names unknown component " + component[0]);
            }
            for (GwpSet set : GwpSet.values()) {
                result.merge(set, gwp.get(set).multiply(fraction), BigDecimal::add);
            }
        }
        if (fractions.compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalStateException("blend " + gas + ": mass fractions add up to " + fractions);
        }
        result.replaceAll((set, value) -> value.setScale(1, RoundingMode.HALF_EVEN).stripTrailingZeros());
        return result;
    }

    /** @return the gases known, in the table's order (the seven Kyoto gases and their common species and blends) */
    public Set<String> gases() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** @return the GWP of {@code gas} in {@code set}; {@code CO2e} is 1 by definition */
    public Optional<BigDecimal> gwp(String gas, GwpSet set) {
        if ("CO2e".equals(gas)) {
            return Optional.of(BigDecimal.ONE);
        }
        return Optional.ofNullable(values.get(gas)).map(v -> v.get(set));
    }

    /** @return the Kyoto basket a gas belongs to: CO2, CH4, N2O, HFCs, PFCs, SF6, NF3 (CO2e for pre-weighted totals) */
    public static String family(String gas) {
        if (gas.startsWith("CH4")) {
            return "CH4";
        }
        if (gas.startsWith("HFC-") || gas.startsWith("R-")) {
            return "HFCs";
        }
        if (gas.startsWith("PFC-")) {
            return "PFCs";
        }
        return gas;
    }
}
