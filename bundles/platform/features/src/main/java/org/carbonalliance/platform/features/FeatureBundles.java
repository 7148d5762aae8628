package org.carbonalliance.platform.features;

import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.ID;

/**
 * How feature bundles become framework bundles: their location (Pax URL's {@code mvn:} form, resolved from system/
 * first), their path in a Maven-layout repository, their start level. Public because the distribution build uses it
 * too, so build and runtime agree.
 */
public final class FeatureBundles {

    private FeatureBundles() {
    }

    public static String location(ID id) {
        StringBuilder location = new StringBuilder("mvn:").append(id.getGroupId()).append('/')
                .append(id.getArtifactId()).append('/').append(id.getVersion());
        if (id.getClassifier().isPresent()) {
            location.append('/').append(id.getType().orElse("jar")).append('/').append(id.getClassifier().get());
        } else if (id.getType().isPresent() && !"jar".equals(id.getType().get())) {
            location.append('/').append(id.getType().get());
        }
        return location.toString();
    }

    /** @return the path of the artifact inside a Maven-layout repository */
    public static String repositoryPath(ID id) {
        String file = id.getArtifactId() + "-" + id.getVersion()
                + id.getClassifier().map(c -> "-" + c).orElse("") + "." + id.getType().orElse("jar");
        return id.getGroupId().replace('.', '/') + "/" + id.getArtifactId() + "/" + id.getVersion() + "/" + file;
    }

    /** @return the bundle's {@code start-order} metadata, which is also its start level; 10 when absent */
    public static int startOrder(FeatureBundle bundle) {
        Object order = bundle.getMetadata().get("start-order");
        if (order instanceof Number n) {
            return n.intValue();
        }
        return order == null ? 10 : Integer.parseInt(order.toString());
    }
}
