package org.carbonalliance.platform.features.plugins;

import static org.carbonalliance.platform.features.plugins.PluginInspector.refuse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the few entries of a jar that describe it, each within a size cap and all within one {@link Budget}, so that a
 * zip bomb costs nothing; the manifest is refused when its main section has a header twice.
 */
final class BundleJar {

    static final int MAX_ENTRIES = 65_536;
    static final int MAX_MANIFEST_BYTES = 512 * 1024;
    static final long MAX_INFLATED_BYTES = 16L << 20;

    private BundleJar() {
    }

    /** The bytes all entries read from one jar may expand to. */
    static final class Budget {
        private long left = MAX_INFLATED_BYTES;

        void spend(long bytes) {
            left -= bytes;
            if (left < 0) {
                throw refuse("The entries of the jar that describe it expand to more than " + MAX_INFLATED_BYTES
                        + " bytes; that is not a plugin's.");
            }
        }
    }

    /** @return the manifest's main attributes; empty when the jar has no manifest */
    static Optional<Attributes> manifest(ZipFile zip, Budget budget) throws IOException {
        ZipEntry entry = zip.getEntry("META-INF/MANIFEST.MF");
        if (entry == null || entry.isDirectory()) {
            return Optional.empty();
        }
        byte[] bytes = read(zip, entry, MAX_MANIFEST_BYTES, budget);
        String twice = repeatedHeader(bytes);
        if (twice != null) {
            // Readers differ in which of the two they take; the framework must see what the review shows.
            throw refuse("The jar's manifest has the header " + twice + " more than once.");
        }
        try {
            return Optional.of(new Manifest(new ByteArrayInputStream(bytes)).getMainAttributes());
        } catch (IOException e) {
            throw refuse("The jar's manifest cannot be read: " + e.getMessage() + ".");
        }
    }

    /** @return the name of a header the manifest's main section has more than once (names ignore case), or null */
    static String repeatedHeader(byte[] manifest) {
        String text = new String(manifest, StandardCharsets.UTF_8);
        Set<String> seen = new HashSet<>();
        for (String line : text.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                return null; // the end of the main section
            }
            int colon = line.indexOf(':');
            if (line.charAt(0) != ' ' && colon > 0 && !seen.add(line.substring(0, colon).toLowerCase(Locale.ROOT))) {
                return line.substring(0, colon);
            }
        }
        return null;
    }

    /** Inflates one entry, refusing it past {@code max} bytes or past what is left of the budget. */
    static byte[] read(ZipFile zip, ZipEntry entry, int max, Budget budget) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw refuse(entry.getName() + " expands to more than " + max + " bytes; that is not a plugin's.");
            }
            budget.spend(bytes.length);
            return bytes;
        }
    }
}
