package org.carbonalliance.patentpool.impl;

import java.time.LocalDate;
import org.carbonalliance.patentpool.api.PublicationNumber;

/**
 * Patent terms counted from the filing date, the day before the anniversary being the last day. China (Patent Law
 * art. 42): inventions 20 years, utility models 10, designs 15 (10 for designs filed before 2021-06-01). Elsewhere the
 * 20 years of most offices for patents; a term that differs (an extension, a design elsewhere) is given with its
 * reason.
 */
final class Terms {

    private static final LocalDate CN_DESIGN_15_YEARS = LocalDate.of(2021, 6, 1);

    private Terms() {
    }

    /** @return the last day of the term, or null when the filing date is not known */
    static LocalDate expiry(PublicationNumber number, LocalDate filed) {
        if (filed == null) {
            return null;
        }
        int years = 20;
        if (number.country().equals("CN")) {
            if (number.isUtilityModel()) {
                years = 10;
            } else if (number.kind().startsWith("S")) {
                years = filed.isBefore(CN_DESIGN_15_YEARS) ? 10 : 15;
            }
        }
        return filed.plusYears(years).minusDays(1);
    }
}
