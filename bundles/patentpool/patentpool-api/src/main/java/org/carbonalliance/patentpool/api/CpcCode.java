package org.carbonalliance.patentpool.api;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cooperative Patent Classification symbol down to the group: section, class, subclass, main group and subgroup,
 * written {@code H01M 10/052} or {@code Y02E 10/50}.
 *
 * @param subclass   section, class and subclass, such as {@code H01M}
 * @param mainGroup  the main group's digits, such as {@code 10}
 * @param subgroup   the subgroup's digits, such as {@code 052}
 */
public record CpcCode(String subclass, String mainGroup, String subgroup) {

    private static final Pattern FORM = Pattern.compile("([A-HY]\\d{2}[A-Z])\\s*(\\d{1,4})\\s*/\\s*(\\d{2,6})");

    public CpcCode {
        if (subclass == null || !subclass.matches("[A-HY]\\d{2}[A-Z]") || mainGroup == null
                || !mainGroup.matches("\\d{1,4}") || subgroup == null || !subgroup.matches("\\d{2,6}")) {
            throw new IllegalArgumentException("Not a CPC symbol: " + subclass + " " + mainGroup + "/" + subgroup);
        }
    }

    /** @return the code {@code text} names ({@code y02e10/50}, {@code Y02E 10/50}), or empty when it is not one */
    public static Optional<CpcCode> parse(String text) {
        if (text == null || text.length() > 30) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.strip().toUpperCase(Locale.ROOT));
        return m.matches() ? Optional.of(new CpcCode(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    /** @return the climate tags the codes belong to: what a patent's tags are derived from */
    public static Set<ClimateTag> climateTags(Collection<CpcCode> codes) {
        Set<ClimateTag> tags = EnumSet.noneOf(ClimateTag.class);
        codes.forEach(code -> ClimateTag.of(code).ifPresent(tags::add));
        return tags;
    }

    @Override
    public String toString() {
        return subclass + " " + mainGroup + "/" + subgroup;
    }
}
