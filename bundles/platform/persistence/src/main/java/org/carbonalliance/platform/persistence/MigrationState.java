package org.carbonalliance.platform.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import javax.sql.DataSource;

/**
 * Remembers, per bundle and changelog, the checksum of the changelog last applied (table pf_migration_state), so a
 * restart with unchanged changelogs skips Liquibase altogether: its start-up costs about 0.5 s per server even when
 * there is nothing to do. A changelog that includes other files is always run (its checksum would not cover them).
 */
final class MigrationState {

    private static final String TABLE = "create table if not exists pf_migration_state (unit_key varchar(400) "
            + "primary key, checksum varchar(64) not null, applied_at timestamp not null)";

    private MigrationState() {
    }

    /** @return the checksum of the changelog's text, or null when it cannot be skipped (missing, or includes) */
    static String checksum(ClassLoader loader, String changelog) {
        try (InputStream in = loader.getResourceAsStream(changelog)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.contains("<include") || text.contains("includeAll")) {
                return null;
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** @return whether {@code key} was last migrated with exactly {@code checksum} */
    static boolean isCurrent(DataSource dataSource, String key, String checksum) throws SQLException {
        if (checksum == null) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            try (Statement create = connection.createStatement()) {
                create.execute(TABLE);
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "select checksum from pf_migration_state where unit_key = ?")) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() && checksum.equals(row.getString(1));
                }
            }
        }
    }

    /** Records that {@code key} is migrated to {@code checksum}. */
    static void record(DataSource dataSource, String key, String checksum) throws SQLException {
        if (checksum == null) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement create = connection.createStatement()) {
                create.execute(TABLE);
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from pf_migration_state where unit_key = ?");
                    PreparedStatement insert = connection.prepareStatement(
                            "insert into pf_migration_state (unit_key, checksum, applied_at) values (?, ?, ?)")) {
                delete.setString(1, key);
                delete.executeUpdate();
                insert.setString(1, key);
                insert.setString(2, checksum);
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            connection.commit();
        }
    }
}
