package ${package};

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.carbonalliance.membership.api.ApplicationForm;
import org.carbonalliance.membership.api.Finding;
import org.carbonalliance.membership.api.OnboardingCheck;
import org.osgi.service.component.annotations.Component;

/**
 * The plugin's extension point: an {@link OnboardingCheck} adds findings to every membership application the
 * secretariat reviews. This one compares the contact's e-mail domain with the organisation's website: a contact
 * writing from another domain is worth a question before approval. A warning informs the reviewer; it refuses
 * nothing.
 */
@Component(service = OnboardingCheck.class)
public class ContactDomainCheck implements OnboardingCheck {

    static final String NAME = "${artifactId}-contact-domain";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> check(ApplicationForm form) {
        String email = form.contactEmail() == null ? "" : form.contactEmail().toLowerCase(Locale.ROOT);
        String mailDomain = email.substring(email.indexOf('@') + 1);
        String host = host(form.website());
        if (host == null || mailDomain.isEmpty()) {
            return List.of(Finding.warning(NAME, "No website or contact e-mail to compare."));
        }
        if (mailDomain.equals(host) || host.endsWith("." + mailDomain) || mailDomain.endsWith("." + host)) {
            return List.of(Finding.pass(NAME, "The contact writes from the organisation's domain " + host + "."));
        }
        return List.of(Finding.warning(NAME, "The contact writes from " + mailDomain + ", the website is " + host
                + ": confirm the contact speaks for the organisation."));
    }

    /** @return the website's host without a leading "www.", or null when there is none */
    static String host(String website) {
        if (website == null || website.isBlank()) {
            return null;
        }
        try {
            String host = URI.create(website.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
