package org.carbonalliance.membership.impl;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.carbonalliance.membership.api.ApplicationForm;
import org.carbonalliance.membership.api.OrganisationType;
import org.carbonalliance.membership.api.Seeking;
import org.carbonalliance.platform.api.validation.ClimateTag;
import org.carbonalliance.platform.api.validation.Country;
import org.carbonalliance.platform.api.validation.SingleLine;
import org.carbonalliance.platform.api.validation.WebAddress;

/** The JSON body of a (re)submission: its constraints are the rules, checked before anything is stored. */
public record ApplicationRequest(
        @NotBlank @Size(min = 2, max = 300) @SingleLine String organisationName,
        @Size(min = 1, max = 300) @SingleLine String localName,
        @NotNull @Pattern(regexp = TYPES, message = "one of company, research-institute, university, "
                + "international-organisation, ngo, public-body") String type,
        @NotNull @Country String country,
        @NotBlank @Size(min = 2, max = 100) @SingleLine String registrationNumber,
        @NotBlank @Size(min = 8, max = 300) @WebAddress String website,
        @NotBlank @Size(min = 2, max = 200) @SingleLine String contactName,
        @NotBlank @Email(message = "an e-mail address") @Size(min = 3, max = 320) @SingleLine String contactEmail,
        @NotEmpty(message = "at least one of Y02A, Y02B, Y02C, Y02D, Y02E, Y02P, Y02T, Y02W, Y04S")
        @Size(min = 1, max = 9) List<@NotNull @ClimateTag String> areas,
        @NotBlank @Size(min = 20, max = 4000) @SingleLine(multiline = true) String statement,
        @NotNull @Pattern(regexp = "contribute-patents|license-patents|both",
                message = "one of contribute-patents, license-patents, both") String seeking) {

    static final String TYPES = "company|research-institute|university|international-organisation|ngo|public-body";

    /** Text is checked as it will be stored: stripped, and an empty local name is none. */
    public ApplicationRequest {
        organisationName = strip(organisationName);
        localName = strip(localName);
        localName = localName == null || localName.isEmpty() ? null : localName;
        registrationNumber = strip(registrationNumber);
        website = strip(website);
        contactName = strip(contactName);
        contactEmail = strip(contactEmail);
        statement = strip(statement);
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    /** @return the form this valid request describes: text stripped, codes in their canonical case */
    ApplicationForm toForm() {
        Set<String> tags = new LinkedHashSet<>();
        areas.forEach(area -> tags.add(area.strip().toUpperCase(Locale.ROOT)));
        return new ApplicationForm(organisationName, localName, OrganisationType.fromWire(type),
                country.toUpperCase(Locale.ROOT), registrationNumber, website, contactName,
                contactEmail.toLowerCase(Locale.ROOT), tags, statement, Seeking.fromWire(seeking));
    }
}
