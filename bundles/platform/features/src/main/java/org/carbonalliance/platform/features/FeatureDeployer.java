package org.carbonalliance.platform.features;

import java.io.File;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot deploy of features: a feature file ({@code *.json}) dropped into deploy/ is installed, replacing it reinstalls
 * it, deleting it uninstalls what it brought. FileInstall calls this installer for the JSON files it watches.
 */
@Component(service = ArtifactInstaller.class)
public class FeatureDeployer implements ArtifactInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureDeployer.class);

    private final Features manager;
    private final DeployProblems problems;
    private final Map<File, String> deployed = new ConcurrentHashMap<>();

    @Activate
    public FeatureDeployer(@Reference Features manager, @Reference DeployProblems problems) {
        this.manager = manager;
        this.problems = problems;
    }

    @Override
    public boolean canHandle(File artifact) {
        return artifact.getName().endsWith(".json");
    }

    @Override
    public void install(File artifact) throws Exception {
        try {
            deployed.put(artifact, manager.install(artifact.toPath()).id());
            problems.featureDeployed(artifact.toPath());
        } catch (FeatureException | IOException | RuntimeException e) {
            LOG.error("Deploying {} failed: {}", artifact.getName(), e.getMessage());
            problems.featureFailed(artifact.toPath(), e.getMessage());
            throw e;
        }
    }

    @Override
    public void update(File artifact) throws Exception {
        uninstall(artifact);
        install(artifact);
    }

    @Override
    public void uninstall(File artifact) throws Exception {
        problems.featureDeployed(artifact.toPath());
        String id = deployed.remove(artifact);
        if (id != null) {
            manager.uninstall(id);
        }
    }
}
