package org.carbonalliance.membership.impl;

import java.util.List;
import java.util.Set;
import org.apache.felix.service.command.Descriptor;
import org.carbonalliance.membership.api.ApplicationForm;
import org.carbonalliance.membership.api.OrganisationType;
import org.carbonalliance.membership.api.Seeking;
import org.carbonalliance.platform.api.security.AlliancePrincipal;
import org.carbonalliance.platform.api.security.CurrentPrincipal;
import org.carbonalliance.platform.api.security.Roles;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.LoggerFactory;

/**
 * Demo data, off by default: the alliance's ten founding members as approved members, marked {@code demo} in the
 * directory. Gogo {@code membership:demo}, or start with {@code bin/alliance run --demo}. Loading twice adds nothing.
 */
@Component(service = Object.class, immediate = true,
        property = {"osgi.command.scope=membership", "osgi.command.function=demo"})
public class DemoMembers {

    private record Founder(String name, String localName, String website, Set<String> areas) {
    }

    private static final List<Founder> FOUNDERS = List.of(
            new Founder("Tencent", "腾讯", "https://www.tencent.com", Set.of("Y02D", "Y02E")),
            new Founder("Microsoft China", "微软中国", "https://www.microsoft.com/zh-cn", Set.of("Y02D", "Y02W")),
            new Founder("Alibaba", "阿里巴巴", "https://www.alibaba.com", Set.of("Y02D", "Y02P")),
            new Founder("Baidu", "百度", "https://www.baidu.com", Set.of("Y02D", "Y02T")),
            new Founder("JD.com", "京东", "https://www.jd.com", Set.of("Y02P", "Y02W")),
            new Founder("Kuaishou", "快手", "https://www.kuaishou.com", Set.of("Y02D")),
            new Founder("Ant Group", "蚂蚁集团", "https://www.antgroup.com", Set.of("Y02D", "Y02A")),
            new Founder("Meituan", "美团", "https://www.meituan.com", Set.of("Y02T", "Y02W")),
            new Founder("Vanke", "万科", "https://www.vanke.com", Set.of("Y02B", "Y02E")),
            new Founder("Willfar Information Technology", "威胜信息技术", "https://www.willfar.com",
                    Set.of("Y04S", "Y02E")));

    private final Applications applications;
    private final Members members;

    @Activate
    public DemoMembers(@Reference Applications applications, @Reference Members members, BundleContext context)
            throws Exception {
        this.members = members;
        this.applications = applications;
        if (Boolean.parseBoolean(context.getProperty("alliance.demo"))) {
            LoggerFactory.getLogger(DemoMembers.class).info(demo());
        }
    }

    @Descriptor("loads the ten founding members as approved members, marked as demo data")
    public String demo() throws Exception {
        AlliancePrincipal loader = new AlliancePrincipal("demo-loader", null, Set.of(Roles.ALLIANCE_ADMIN));
        return CurrentPrincipal.runAs(loader, () -> {
            List<String> existing = members.list(true).stream().map(Member::name).toList();
            int added = 0;
            for (int i = 0; i < FOUNDERS.size(); i++) {
                Founder f = FOUNDERS.get(i);
                if (existing.contains(f.name())) {
                    continue;
                }
                String domain = f.website().replaceFirst("https://www\\.", "").replaceFirst("/.*", "");
                ApplicationForm form = new ApplicationForm(f.name(), f.localName(), OrganisationType.COMPANY, "CN",
                        "DEMO-" + (i + 1), f.website(), "Demo contact", "demo-admin@" + domain + ".demo", f.areas(),
                        "Demo data: founding member of the Global Carbon Neutral Technology Alliance, contributing "
                                + "climate-technology patents to the pool.", Seeking.BOTH);
                applications.approve(applications.submit(form).application().id(), true);
                added++;
            }
            return "Demo data: " + added + " founding members added, " + (FOUNDERS.size() - added)
                    + " were there already.";
        });
    }
}
