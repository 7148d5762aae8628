package org.carbonalliance.platform.features;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Never two versions of one plugin serving side by side: a bundle dropped into deploy/ whose symbolic name another
 * bundle from deploy/ already has (resolved or running) is kept from resolving, so it does not start. A newer version
 * then replaces the older one ({@link PluginUpdates}); one that is not newer stays unstarted and the {@code deploy}
 * health check names both files (see {@link DeployFolderCheck}). Replacing the file of the deployed version updates
 * it in place.
 */
@Component(service = ResolverHookFactory.class)
public class OnePluginVersion implements ResolverHookFactory {

    private static final int SERVING = Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;

    private final DeployedPlugins deployed;

    @Activate
    public OnePluginVersion(BundleContext context) {
        this.deployed = new DeployedPlugins(context);
    }

    /** @return whether another bundle from deploy/ with the same symbolic name is resolved or running */
    boolean shadowed(Bundle candidate) {
        return deployed.fromDeploy(candidate) && deployed.otherVersions(candidate).stream()
                .anyMatch(other -> (other.getState() & SERVING) != 0);
    }

    private static BundleRevision higher(BundleRevision a, BundleRevision b) {
        int byVersion = a.getVersion().compareTo(b.getVersion());
        if (byVersion != 0) {
            return byVersion > 0 ? a : b;
        }
        return a.getBundle().getBundleId() <= b.getBundle().getBundleId() ? a : b;
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                candidates.removeIf(revision -> shadowed(revision.getBundle()));
                // Two versions resolving in one go (a restart, a refresh): only the highest may.
                Map<String, BundleRevision> highest = new HashMap<>();
                for (BundleRevision revision : candidates) {
                    if (revision.getSymbolicName() != null && deployed.fromDeploy(revision.getBundle())) {
                        highest.merge(revision.getSymbolicName(), revision, OnePluginVersion::higher);
                    }
                }
                candidates.removeIf(revision -> revision.getSymbolicName() != null
                        && highest.containsKey(revision.getSymbolicName())
                        && highest.get(revision.getSymbolicName()) != revision);
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton,
                    Collection<BundleCapability> collisionCandidates) {
                // Singletons are the framework's own rule.
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
                // Nothing to hide from wiring.
            }

            @Override
            public void end() {
                // No state per resolve.
            }
        };
    }
}
