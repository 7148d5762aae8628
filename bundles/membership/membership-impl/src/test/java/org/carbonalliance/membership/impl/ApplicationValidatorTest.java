package org.carbonalliance.membership.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.carbonalliance.membership.api.OrganisationType;
import org.carbonalliance.membership.api.Seeking;
import org.junit.Test;

public class ApplicationValidatorTest {

    static ApplicationRequest valid() {
        return new ApplicationRequest("Tsinghua University", "清华大学", "university", "cn", "12100000400000624D",
                "https://www.tsinghua.edu.cn", "Li Wei", "Li.Wei@Tsinghua.example", List.of("y02e", "Y04S"),
                "Research on carbon capture and smart grids toward carbon neutrality by 2060.", "license-patents");
    }

    @Test
    public void validRequestBecomesANormalisedForm() {
        ApplicationValidator.Result result = ApplicationValidator.validate(valid());
        assertTrue(result.problems().toString(), result.problems().isEmpty());
        assertNotNull(result.form());
        assertEquals(OrganisationType.UNIVERSITY, result.form().type());
        assertEquals(Seeking.LICENSE_PATENTS, result.form().seeking());
        assertEquals("CN", result.form().country());
        assertEquals("li.wei@tsinghua.example", result.form().contactEmail());
        assertTrue(result.form().areas().contains("Y02E"));
    }

    @Test
    public void everyBadFieldIsNamed() {
        ApplicationRequest bad = new ApplicationRequest("", null, "corporation", "XX", null, "ftp://x", "L",
                "not-mail", List.of("Y99"), "short", "everything");
        List<String> problems = ApplicationValidator.validate(bad).problems();
        for (String field : List.of("organisationName", "type", "country", "registrationNumber", "website",
                "contactName", "contactEmail", "areas", "statement", "seeking")) {
            assertTrue(field + " in " + problems, problems.stream().anyMatch(p -> p.startsWith(field + ":")));
        }
    }

    @Test
    public void markupIsKeptAsText() {
        ApplicationRequest r = valid();
        ApplicationRequest markup = new ApplicationRequest("<b>Acme</b>'; drop table mb_application; --",
                r.localName(), r.type(), r.country(), r.registrationNumber(), r.website(), r.contactName(),
                r.contactEmail(), r.areas(), r.statement(), r.seeking());
        assertEquals("<b>Acme</b>'; drop table mb_application; --",
                ApplicationValidator.validate(markup).form().organisationName());
    }
}
