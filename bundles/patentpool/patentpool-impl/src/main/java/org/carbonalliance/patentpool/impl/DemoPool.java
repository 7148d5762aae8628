package org.carbonalliance.patentpool.impl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.felix.service.command.Descriptor;
import org.carbonalliance.patentpool.api.PatentData;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.IdentityService;
import org.carbonalliance.platform.api.security.Roles;
import org.carbonalliance.platform.api.security.Tenant;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo data, off by default: the {@link DemoPatents} of the ten founding members, marked {@code demo} in every view.
 * Gogo {@code patentpool:demo} (after {@code membership:demo}), or start with {@code bin/alliance run --demo}, which
 * loads the founding members first; loading twice changes nothing.
 */
@Component(service = Object.class, immediate = true,
        property = {"osgi.command.scope=patentpool", "osgi.command.function=demo"})
public class DemoPool {

    private static final Logger LOG = LoggerFactory.getLogger(DemoPool.class);

    private final Patents patents;
    private final IdentityService identity;
    private final Thread loader;

    @Activate
    public DemoPool(@Reference Patents patents, @Reference IdentityService identity, BundleContext context) {
        this.patents = patents;
        this.identity = identity;
        // The founding members are loaded by membership's demo at the same start; wait for them (up to two minutes).
        this.loader = new Thread(() -> {
            try {
                loadWhenFoundersExist();
            } catch (RuntimeException e) {
                LOG.error("Demo pool not loaded", e);
            }
        }, "alliance-demo-pool");
        if (Boolean.parseBoolean(context.getProperty("alliance.demo"))) {
            loader.setDaemon(true);
            loader.start();
        }
    }

    private void loadWhenFoundersExist() {
        for (int i = 0; i < 240 && !Thread.currentThread().isInterrupted(); i++) {
            if (founders().size() == DemoPatents.FOUNDERS.size()) {
                LOG.info(demo());
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
        LOG.warn("Demo pool not loaded: the founding members are missing; run membership:demo, then "
                + "patentpool:demo");
    }

    @Deactivate
    void stop() {
        loader.interrupt();
    }

    private Map<String, String> founders() {
        Map<String, String> ids = new HashMap<>();
        for (String name : DemoPatents.FOUNDERS) {
            identity.tenantsNamed(name).stream().findFirst().map(Tenant::id).ifPresent(id -> ids.put(name, id));
        }
        return ids;
    }

    @Descriptor("loads 36 made-up patents of the ten founding members, marked as demo data (numbers XX9999nnnnnnnn)")
    public String demo() {
        Map<String, String> founders = founders();
        if (founders.size() < DemoPatents.FOUNDERS.size()) {
            return "The founding members are not all there; run membership:demo first.";
        }
        int added = 0;
        int kept = 0;
        AlliancePrincipal loader = new AlliancePrincipal("demo-loader", null, Set.of(Roles.ALLIANCE_ADMIN));
        List<PatentData> demo = DemoPatents.patents(founders);
        for (PatentData patent : demo) {
            Patents.Stored stored = patents.store(patent, patent.member(), new AlliancePrincipal(loader.username(),
                    patent.member(), Set.of(Roles.MEMBER_ADMIN)), true);
            if (stored == Patents.Stored.IMPORTED) {
                added++;
            } else {
                kept++;
            }
        }
        return "Demo pool: " + added + " demo patents added, " + kept + " were there already.";
    }
}
