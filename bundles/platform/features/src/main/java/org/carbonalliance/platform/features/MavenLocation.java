package org.carbonalliance.platform.features;

import org.osgi.service.feature.ID;

/** Bundle locations for feature bundle IDs: Pax URL's {@code mvn:} form, resolved from system/ first. */
final class MavenLocation {

    private MavenLocation() {
    }

    static String of(ID id) {
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
    static String repositoryPath(ID id) {
        String file = id.getArtifactId() + "-" + id.getVersion()
                + id.getClassifier().map(c -> "-" + c).orElse("") + "." + id.getType().orElse("jar");
        return id.getGroupId().replace('.', '/') + "/" + id.getArtifactId() + "/" + id.getVersion() + "/" + file;
    }
}
