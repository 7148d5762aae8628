package org.carbonalliance.platform.features;

import java.util.List;

/**
 * A feature as installed here.
 *
 * @param id             the feature's Maven coordinates
 * @param name           its display name
 * @param source         where it was installed from (a file path, or {@code startup} for the platform)
 * @param bundles        the bundle locations it needs, in start order
 * @param configurations the configuration PIDs it created
 */
public record FeatureRecord(String id, String name, String source, List<String> bundles, List<String> configurations) {

    public FeatureRecord {
        bundles = List.copyOf(bundles);
        configurations = List.copyOf(configurations);
    }
}
