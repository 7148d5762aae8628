package org.carbonalliance.emissions.impl.factors;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.carbonalliance.emissions.api.EmissionFactor;

/**
 * Reads a factor file: RFC 4180 CSV, {@code #} comment lines, header
 * {@code key,activity_type,region,gas,value,numerator_unit,denominator_unit,valid_year,published_year,publisher,
 * document,table,note}.
 */
public final class FactorCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setCommentMarker('#').setHeader()
            .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();

    private FactorCsv() {
    }

    /** @throws IllegalArgumentException naming the line of the first row that is not a factor */
    public static List<EmissionFactor> read(Reader reader) throws IOException {
        List<EmissionFactor> factors = new ArrayList<>();
        for (CSVRecord row : FORMAT.parse(reader)) {
            try {
                String validYear = row.get("valid_year").strip();
                String note = row.get("note").strip();
                factors.add(new EmissionFactor(row.get("key").strip(), row.get("activity_type").strip(),
                        row.get("region").strip(), row.get("gas").strip(), new BigDecimal(row.get("value").strip()),
                        row.get("numerator_unit").strip(), row.get("denominator_unit").strip(),
                        validYear.isEmpty() ? null : Integer.valueOf(validYear),
                        Integer.parseInt(row.get("published_year").strip()), row.get("publisher").strip(),
                        row.get("document").strip(), row.get("table").strip(), note.isEmpty() ? null : note));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + row.getParser().getCurrentLineNumber() + ": "
                        + e.getMessage(), e);
            }
        }
        return factors;
    }
}
