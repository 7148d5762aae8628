package org.carbonalliance.platform.features;

import java.nio.file.Path;
import java.util.Map;

/** Files in deploy/ that could not be deployed, with their causes, for health and the console's Alliance page. */
public interface DeployProblems {

    /** A feature file failed to install; the problem stays until the file changes or goes. */
    void featureFailed(Path file, String cause);

    void featureDeployed(Path file);

    /** @return file name to cause, sorted by name */
    Map<String, String> problems();
}
