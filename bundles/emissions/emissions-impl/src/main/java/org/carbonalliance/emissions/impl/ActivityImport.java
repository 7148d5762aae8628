package org.carbonalliance.emissions.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.carbonalliance.emissions.impl.EmissionsRecords.ActivityForm;
import org.carbonalliance.emissions.impl.EmissionsRecords.ImportResult;
import org.carbonalliance.platform.api.persistence.Database;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.validation.RecordValidator;
import org.carbonalliance.platform.api.web.ApiException;
import org.hibernate.Session;

/**
 * Bulk upload of activity records as CSV, all or nothing: every row is checked like a single record, and when any
 * row is wrong nothing is kept and the answer lists the first 100 wrong rows with their line numbers. Rows are
 * written in JDBC batches inside the one transaction.
 * <p>
 * Columns (header names, any order): {@code facility} (id or name), {@code scope}, {@code category} (scope 3),
 * {@code activity_type}, {@code gas} (direct entries), {@code quantity}, {@code unit}, {@code starts_on},
 * {@code ends_on} (ISO dates), {@code method}, {@code evidence}, {@code data_quality}, {@code description}.
 */
public class ActivityImport {

    static final Set<String> REQUIRED = Set.of("facility", "scope", "activity_type", "quantity", "unit",
            "starts_on", "ends_on");
    private static final int MAX_FIELD = 1000;
    private static final int MAX_ERRORS = 100;
    private static final int BATCH = 1000;
    private static final String INSERT = "insert into em_activity (id, tenant_id, period_id, facility_id, scope, "
            + "category, activity_type, gas, quantity, unit, activity_year, starts_on, ends_on, method, evidence, "
            + "data_quality, description, from_rev, to_rev, created_at, created_by) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?)";

    private final Database database;
    private final Inventory inventory;
    private final RecordValidator validator;
    private final Clock clock;

    public ActivityImport(Database database, Inventory inventory, RecordValidator validator, Clock clock) {
        this.database = database;
        this.inventory = inventory;
        this.validator = validator;
        this.clock = clock;
    }

    ImportResult importCsv(String periodId, InputStream upload, AlliancePrincipal caller, int maxRows) {
        return database.inTransaction(em -> {
            Period period = Inventory.editable(em, periodId);
            Map<String, String> facilities = new HashMap<>();
            em.createQuery("select f from Facility f", Facility.class).getResultList().forEach(f -> {
                facilities.put(f.id, f.id);
                facilities.putIfAbsent(f.name, f.id);
            });
            List<String> errors = new ArrayList<>();
            int rows = 0;
            int wrongRows = 0;
            Instant now = clock.instant();
            try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).get()
                    .parse(withoutByteOrderMark(new InputStreamReader(upload, StandardCharsets.UTF_8)));
                    Batch batch = new Batch(em, period, caller, now)) {
                List<String> missing = REQUIRED.stream().filter(h -> !csv.getHeaderMap().containsKey(h)).sorted()
                        .toList();
                if (!missing.isEmpty()) {
                    throw ApiException.badRequest("The CSV header lacks the column(s) " + missing + ".",
                            missing.stream().map(h -> "header: column " + h + " is required").toList());
                }
                Map<String, List<String>> checked = new HashMap<>();
                for (CSVRecord row : csv) {
                    rows++;
                    if (rows > maxRows) {
                        throw ApiException.badRequest("The file has more than " + maxRows + " rows; split it.",
                                List.of("file: at most " + maxRows + " rows"));
                    }
                    List<String> problems = problems(row, facilities, em, period, checked);
                    if (!problems.isEmpty()) {
                        wrongRows++;
                        for (String p : problems) {
                            if (errors.size() < MAX_ERRORS) {
                                errors.add("line " + row.getParser().getCurrentLineNumber() + ": " + p);
                            }
                        }
                    } else if (wrongRows == 0) {
                        batch.add(form(row, facilities));
                    }
                }
                if (wrongRows > 0) {
                    throw ApiException.badRequest(wrongRows + " of " + rows + " rows are not valid; nothing was "
                            + "imported. Correct them and upload the whole file again.", errors);
                }
            } catch (IOException | UncheckedIOException e) {
                throw ApiException.badRequest("The file is not readable CSV: " + e.getMessage(),
                        List.of("file: " + e.getMessage()));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw ApiException.badRequest("The file is not valid CSV: " + e.getMessage(),
                        List.of("file: " + e.getMessage()));
            }
            if (rows > 0) {
                Inventory.markDraftsStale(em, periodId);
            }
            return new ImportResult(rows, rows);
        });
    }

    /** Spreadsheets save "CSV UTF-8" with a byte-order mark, which would otherwise be part of the first column's name. */
    private static java.io.Reader withoutByteOrderMark(java.io.Reader in) throws IOException {
        java.io.PushbackReader reader = new java.io.PushbackReader(in, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    private List<String> problems(CSVRecord row, Map<String, String> facilities,
            jakarta.persistence.EntityManager em, Period period, Map<String, List<String>> checked) {
        for (String value : row.values()) {
            if (value.length() > MAX_FIELD) {
                return List.of("a field is longer than " + MAX_FIELD + " characters");
            }
        }
        ActivityForm form;
        try {
            form = form(row, facilities);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return List.of(e.getMessage());
        }
        List<String> problems = new ArrayList<>(validator.problems(form));
        if (problems.isEmpty()) {
            // Rows of the same kind and dates need the same checks: one look per distinct combination.
            String key = form.facilityId() + '|' + form.scope() + '|' + form.category() + '|' + form.activityType()
                    + '|' + form.gas() + '|' + form.unit() + '|' + form.startsOn() + '|' + form.endsOn();
            problems.addAll(checked.computeIfAbsent(key, k -> inventory.problems(em, period, form)));
        }
        return problems;
    }

    private static ActivityForm form(CSVRecord row, Map<String, String> facilities) {
        String facility = value(row, "facility");
        String facilityId = facility == null ? null : facilities.getOrDefault(facility, facility);
        return new ActivityForm(facilityId, integer(row, "scope"), value(row, "category"),
                value(row, "activity_type"), value(row, "gas"), decimal(row, "quantity"), value(row, "unit"),
                date(row, "starts_on"), date(row, "ends_on"), value(row, "method"), value(row, "evidence"),
                value(row, "data_quality"), value(row, "description"));
    }

    private static String value(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        String v = row.get(column);
        return v.isEmpty() ? null : v;
    }

    private static Integer integer(CSVRecord row, String column) {
        String v = value(row, column);
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + ": '" + v + "' is not a whole number");
        }
    }

    private static BigDecimal decimal(CSVRecord row, String column) {
        String v = value(row, column);
        try {
            return v == null ? null : new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + ": '" + v + "' is not a number (use a dot for decimals)");
        }
    }

    private static LocalDate date(CSVRecord row, String column) {
        String v = value(row, column);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(column + ": '" + v + "' is not a date like 2024-01-31");
        }
    }

    /** Rows written in JDBC batches on the transaction's connection. */
    private static final class Batch implements AutoCloseable {
        private final jakarta.persistence.EntityManager em;
        private final Session session;
        private final Period period;
        private final AlliancePrincipal caller;
        private final Timestamp now;
        private final List<ActivityForm> pending = new ArrayList<>();

        Batch(jakarta.persistence.EntityManager em, Period period, AlliancePrincipal caller, Instant now) {
            this.em = em;
            this.session = em.unwrap(Session.class);
            this.period = period;
            this.caller = caller;
            this.now = Timestamp.from(now);
        }

        /** The rows written, summed per group, for {@link ActivityTotals} at the end. */
        final Map<ActivityTotals.Key, BigDecimal> quantities = new HashMap<>();
        final Map<ActivityTotals.Key, Long> counts = new HashMap<>();

        void add(ActivityForm form) {
            ActivityTotals.Key key = new ActivityTotals.Key(period.id, form.facilityId(), form.scope(),
                    Inventory.category(form), form.activityType(), form.gas() == null || form.gas().isBlank() ? ""
                            : form.gas().strip(), form.unit().strip(), form.startsOn().getYear());
            quantities.merge(key, form.quantity(), BigDecimal::add);
            counts.merge(key, 1L, Long::sum);
            pending.add(form);
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        private void flush() {
            if (pending.isEmpty()) {
                return;
            }
            session.doWork(this::write);
            pending.clear();
        }

        private void write(Connection connection) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (ActivityForm f : pending) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, period.tenantId);
                    insert.setString(3, period.id);
                    insert.setString(4, f.facilityId());
                    insert.setInt(5, f.scope());
                    insert.setString(6, Inventory.category(f));
                    insert.setString(7, f.activityType());
                    setText(insert, 8, f.gas());
                    insert.setBigDecimal(9, f.quantity());
                    insert.setString(10, f.unit().strip());
                    insert.setInt(11, f.startsOn().getYear());
                    insert.setDate(12, Date.valueOf(f.startsOn()));
                    insert.setDate(13, Date.valueOf(f.endsOn()));
                    setText(insert, 14, f.method());
                    setText(insert, 15, f.evidence());
                    setText(insert, 16, f.dataQuality());
                    setText(insert, 17, f.description());
                    insert.setInt(18, period.revision);
                    insert.setTimestamp(19, now);
                    insert.setString(20, caller.username());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        private static void setText(PreparedStatement insert, int index, String value) throws SQLException {
            if (value == null || value.isBlank()) {
                insert.setNull(index, Types.VARCHAR);
            } else {
                insert.setString(index, value.strip());
            }
        }

        /** Writes what is pending, then the groups' totals. */
        @Override
        public void close() {
            flush();
            quantities.forEach((key, quantity) -> ActivityTotals.change(em, key, period.revision,
                    ActivityTotal.OPEN, quantity, counts.get(key)));
        }
    }
}
