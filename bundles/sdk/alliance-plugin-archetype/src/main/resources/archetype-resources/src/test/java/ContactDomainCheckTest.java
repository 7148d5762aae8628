package ${package};

import static org.junit.Assert.assertEquals;

import java.util.Set;
import org.carbonalliance.membership.api.ApplicationForm;
import org.carbonalliance.membership.api.Finding;
import org.carbonalliance.membership.api.OrganisationType;
import org.carbonalliance.membership.api.Seeking;
import org.junit.Test;

public class ContactDomainCheckTest {

    private final ContactDomainCheck check = new ContactDomainCheck();

    private static ApplicationForm form(String website, String email) {
        return new ApplicationForm("Soil Institute", null, OrganisationType.RESEARCH_INSTITUTE, "CN", "REG-1",
                website, "Li Wei", email, Set.of("Y02P"), "We study soil carbon.", Seeking.LICENSE_PATENTS);
    }

    @Test
    public void theOrganisationsOwnDomainPasses() {
        assertEquals(Finding.Level.PASS, check.check(form("https://www.soil.example.cn", "li@soil.example.cn"))
                .get(0).level());
    }

    @Test
    public void anotherDomainIsAWarningForTheReviewer() {
        Finding finding = check.check(form("https://soil.example.cn", "li.wei@mail.example.com")).get(0);
        assertEquals(Finding.Level.WARNING, finding.level());
        assertEquals(ContactDomainCheck.NAME, finding.check());
    }
}
