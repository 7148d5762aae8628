package org.carbonalliance.platform.persistence;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.hooks.weaving.WovenClass;
import org.osgi.framework.hooks.weaving.WovenClassListener;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Makes Hibernate's proxy classes reachable from every bundle that uses Jakarta Persistence, so a plugin's bnd file
 * needs no Hibernate import. Hibernate defines the lazy-loading proxy of an entity in the entity's own class loader,
 * and the proxy refers to Hibernate packages the plugin's code never names; without them the first lazy association
 * fails with NoClassDefFoundError. This hook adds those packages as dynamic imports of the bundle's wiring when its
 * first class is loaded (the way OSGi JPA containers do it); nothing is changed in the class itself.
 * <p>
 * The hook registers itself once its class is loaded: as a service of Declarative Services it would be created
 * lazily, while a class is being woven, and the framework would find the weaving hook needing itself.
 */
@Component(immediate = true, service = {})
public class EntityProxyImports implements WeavingHook, WovenClassListener {

    /** The packages a generated proxy refers to, in the version range of the platform's Hibernate. */
    static final List<String> PROXY_PACKAGES = List.of(
            "org.hibernate.proxy;version=\"[7,8)\"",
            "org.hibernate.proxy.pojo.bytebuddy;version=\"[7,8)\"",
            "org.hibernate.bytecode.spi;version=\"[7,8)\"",
            "org.hibernate.bytecode.internal.bytebuddy;version=\"[7,8)\"",
            "org.hibernate.engine.spi;version=\"[7,8)\"");

    private static final String PERSISTENCE_PACKAGE = "jakarta.persistence";
    private static final String PROXY_PACKAGE = "org.hibernate.proxy";

    private ServiceRegistration<?> registration;

    private final Set<BundleRevision> done = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    @Activate
    void register(BundleContext context) {
        registration = context.registerService(new String[] {WeavingHook.class.getName(),
            WovenClassListener.class.getName()}, this, null);
    }

    @Deactivate
    void unregister() {
        registration.unregister();
    }

    @Override
    public void weave(WovenClass woven) {
        BundleWiring wiring = woven.getBundleWiring();
        if (wiring == null || done.contains(wiring.getRevision())) {
            return;
        }
        if (wires(wiring, PERSISTENCE_PACKAGE) && !exports(wiring, PROXY_PACKAGE)) {
            woven.getDynamicImports().addAll(PROXY_PACKAGES);
        } else {
            done.add(wiring.getRevision());   // nothing to add, ever
        }
    }

    /** The imports take effect once a woven class is defined; until then every class of the bundle adds them. */
    @Override
    public void modified(WovenClass woven) {
        if (woven.getState() == WovenClass.DEFINED && woven.getBundleWiring() != null) {
            done.add(woven.getBundleWiring().getRevision());
        }
    }

    private static boolean wires(BundleWiring wiring, String pkg) {
        return wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .anyMatch(wire -> pkg.equals(wire.getCapability().getAttributes()
                        .get(PackageNamespace.PACKAGE_NAMESPACE)));
    }

    private static boolean exports(BundleWiring wiring, String pkg) {
        return wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .anyMatch(cap -> pkg.equals(cap.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)));
    }
}
