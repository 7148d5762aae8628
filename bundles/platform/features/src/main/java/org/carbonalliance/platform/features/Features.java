package org.carbonalliance.platform.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** Installs and uninstalls OSGi Features (Compendium ch. 159) at run time, for the console, Gogo and deploy/. */
public interface Features {

    /** Installs the feature in {@code file}; installing the same feature again is a no-op. */
    FeatureRecord install(Path file) throws IOException, FeatureException;

    /** Uninstalls a feature: the bundles it brought that no other installed feature lists, and its configurations. */
    void uninstall(String id) throws IOException, FeatureException;

    Collection<FeatureRecord> installed();

    /** @return the feature files in the distribution's features/ folder */
    List<Path> available() throws IOException;

    /** @return the file {@code name} in features/, or null when there is none (or the name leaves the folder) */
    Path availableFile(String name);
}
