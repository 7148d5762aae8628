package org.carbonalliance.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * conf/startup.txt, generated at build time from the platform feature: one bundle a line, {@code level location path},
 * in start order. Bundles not yet in the framework cache are installed from system/ under their {@code mvn:} location,
 * so a feature that needs the same bundle later finds it.
 */
final class StartupBundles {

    record Entry(int startLevel, String location, String path) {
    }

    private StartupBundles() {
    }

    static List<Entry> read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            if (parts.length != 3) {
                throw new IOException(file + ": expected 'level location path' but found: " + line);
            }
            entries.add(new Entry(Integer.parseInt(parts[0]), parts[1], parts[2]));
        }
        return entries;
    }

    /** @return how many bundles were newly installed */
    static int install(BundleContext context, Path home, List<Entry> entries) throws IOException, BundleException {
        int installed = 0;
        for (Entry entry : entries) {
            if (context.getBundle(entry.location()) != null) {
                continue;
            }
            Bundle bundle;
            try (InputStream in = Files.newInputStream(home.resolve(entry.path()))) {
                bundle = context.installBundle(entry.location(), in);
            }
            installed++;
            if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                bundle.adapt(BundleStartLevel.class).setStartLevel(entry.startLevel());
                bundle.start();
            }
        }
        return installed;
    }
}
