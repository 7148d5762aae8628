package org.carbonalliance.platform.features;

import static org.junit.Assert.assertEquals;

import java.util.ServiceLoader;
import org.junit.Test;
import org.osgi.service.feature.FeatureService;

public class FeatureBundlesTest {

    private final FeatureService features = ServiceLoader.load(FeatureService.class).findFirst().orElseThrow();

    @Test
    public void plainJar() {
        var id = features.getIDfromMavenCoordinates("org.example:demo:1.2.3");
        assertEquals("mvn:org.example/demo/1.2.3", FeatureBundles.location(id));
        assertEquals("org/example/demo/1.2.3/demo-1.2.3.jar", FeatureBundles.repositoryPath(id));
    }

    @Test
    public void typeAndClassifier() {
        var id = features.getIDfromMavenCoordinates("org.example:demo:zip:dist:1.0");
        assertEquals("mvn:org.example/demo/1.0/zip/dist", FeatureBundles.location(id));
        assertEquals("org/example/demo/1.0/demo-1.0-dist.zip", FeatureBundles.repositoryPath(id));
    }
}
