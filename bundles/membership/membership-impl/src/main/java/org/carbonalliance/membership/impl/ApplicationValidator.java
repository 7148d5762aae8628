package org.carbonalliance.membership.impl;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.carbonalliance.membership.api.ApplicationForm;
import org.carbonalliance.membership.api.OrganisationType;
import org.carbonalliance.membership.api.Seeking;
import org.carbonalliance.platform.api.web.PlainText;

/** Turns a request into a form, or into a list of "field: problem" lines naming every bad field. */
final class ApplicationValidator {

    /** A form, or the problems that kept it from being one. */
    record Result(ApplicationForm form, List<String> problems) {
    }

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private ApplicationValidator() {
    }

    static Result validate(ApplicationRequest r) {
        List<String> problems = new ArrayList<>();
        String name = text(problems, "organisationName", r.organisationName(), 2, 300, true);
        String localName = text(problems, "localName", r.localName(), 1, 300, false);
        OrganisationType type = OrganisationType.fromWire(r.type());
        if (type == null) {
            problems.add("type: one of company, research-institute, university, international-organisation, ngo, "
                    + "public-body");
        }
        String country = r.country() == null ? null : r.country().toUpperCase(Locale.ROOT);
        if (country == null || !COUNTRIES.contains(country)) {
            problems.add("country: an ISO 3166-1 alpha-2 code such as CN or DE");
        }
        String registration = text(problems, "registrationNumber", r.registrationNumber(), 2, 100, true);
        String website = text(problems, "website", r.website(), 8, 300, true);
        if (website != null && !isHttpUrl(website)) {
            problems.add("website: an http or https address");
        }
        String contactName = text(problems, "contactName", r.contactName(), 2, 200, true);
        String email = r.contactEmail() == null ? null : r.contactEmail().strip().toLowerCase(Locale.ROOT);
        if (email == null || email.length() > 320 || !EMAIL.matcher(email).matches()
                || PlainText.problem(email, false).isPresent()) {
            problems.add("contactEmail: an e-mail address");
        }
        Set<String> areas = new LinkedHashSet<>();
        if (r.areas() == null || r.areas().isEmpty()) {
            problems.add("areas: at least one of " + new java.util.TreeSet<>(ApplicationForm.CLIMATE_TAGS));
        } else {
            for (String area : r.areas()) {
                String tag = area == null ? "" : area.strip().toUpperCase(Locale.ROOT);
                if (!ApplicationForm.CLIMATE_TAGS.contains(tag)) {
                    problems.add("areas: '" + area + "' is not one of " + new java.util.TreeSet<>(ApplicationForm.CLIMATE_TAGS));
                }
                areas.add(tag);
            }
        }
        String statement = text(problems, "statement", r.statement(), 20, 4000, true);
        Seeking seeking = Seeking.fromWire(r.seeking());
        if (seeking == null) {
            problems.add("seeking: one of contribute-patents, license-patents, both");
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        return new Result(new ApplicationForm(name, localName, type, country, registration, website, contactName, email,
                areas, statement, seeking), List.of());
    }

    private static String text(List<String> problems, String field, String value, int min, int max, boolean required) {
        String stripped = value == null ? null : value.strip();
        if (stripped == null || stripped.isEmpty()) {
            if (required) {
                problems.add(field + ": required");
            }
            return null;
        }
        if (stripped.length() < min || stripped.length() > max) {
            problems.add(field + ": " + min + " to " + max + " characters");
        }
        PlainText.problem(stripped, max > 1000).ifPresent(problem -> problems.add(field + ": " + problem));
        return stripped;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
