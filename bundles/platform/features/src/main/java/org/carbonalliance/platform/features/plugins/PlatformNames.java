package org.carbonalliance.platform.features.plugins;

import java.util.List;

/**
 * The names that are the platform's own, which no plugin may take: symbolic names and configuration PIDs in its
 * namespace (the examples' aside), PIDs of what it runs besides its own bundles, and Maven coordinates in its group.
 */
final class PlatformNames {

    /** Symbolic names, PIDs and feature group ids in this namespace are the platform's own ... */
    static final String PLATFORM_NAMESPACE = "org.carbonalliance";
    /** ... except these, the examples', which may be uploaded like any plugin. */
    static final String EXAMPLES_NAMESPACE = "org.carbonalliance.examples.";
    /** Feature bundles in the platform's group whose artifact id starts so are examples, not platform bundles. */
    static final String EXAMPLE_ARTIFACT_PREFIX = "example-";
    /**
     * Configuration PIDs of what the platform runs besides its own bundles (Felix, Pax, OSGi, Aries, Logback); a
     * feature may not configure them. PIDs named after the symbolic name of any other bundle installed outside deploy/
     * are refused too (see {@link PluginInspector.Installed#pidOwner}).
     */
    static final List<String> RESERVED_PID_PREFIXES = List.of("org.apache.felix.", "org.ops4j.", "org.osgi.",
            "org.eclipse.", "org.apache.aries.", "ch.qos.logback.");

    private PlatformNames() {
    }

    /** @return whether a symbolic name (or PID) lies in the platform's namespace, outside the examples' */
    static boolean reservedName(String name) {
        return name.equals(PLATFORM_NAMESPACE)
                || (name.startsWith(PLATFORM_NAMESPACE + ".") && !name.startsWith(EXAMPLES_NAMESPACE));
    }

    /** @return whether a configuration PID (or factory PID) is the platform's or of what it runs */
    static boolean reservedPid(String pid) {
        if (reservedName(pid)) {
            return true;
        }
        for (String prefix : RESERVED_PID_PREFIXES) {
            if (pid.startsWith(prefix) || pid.equals(prefix.substring(0, prefix.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** @return whether Maven coordinates are a platform bundle's: the platform's group, but no example */
    static boolean platformCoordinates(String groupId, String artifactId) {
        boolean platformGroup = groupId.equals(PLATFORM_NAMESPACE) || groupId.startsWith(PLATFORM_NAMESPACE + ".");
        return platformGroup && !artifactId.startsWith(EXAMPLE_ARTIFACT_PREFIX);
    }
}
