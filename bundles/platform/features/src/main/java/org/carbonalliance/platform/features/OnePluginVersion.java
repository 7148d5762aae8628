package org.carbonalliance.platform.features;

import java.util.Collection;
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

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                candidates.removeIf(revision -> shadowed(revision.getBundle()));
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
