package org.carbonalliance.licensing.impl.terms;

import java.util.List;

/**
 * What a rule is about — exactly one of: the whole pool, listed patents (DOCDB publication numbers such as
 * {@code CN112345678B}) or the patents carrying climate tags ({@code Y02E}, see {@link Vocabulary#CLIMATE_TAGS}).
 *
 * @param wholePool every patent in the pool
 * @param patents publication numbers
 * @param climateTags CPC Y02/Y04S tags
 */
public record Target(boolean wholePool, List<String> patents, List<String> climateTags) {

    public Target {
        patents = Lists.copy(patents);
        climateTags = Lists.copy(climateTags);
    }

    /** The whole pool. */
    public static Target pool() {
        return new Target(true, List.of(), List.of());
    }

    /** Listed patents. */
    public static Target ofPatents(String... publicationNumbers) {
        return new Target(false, List.of(publicationNumbers), List.of());
    }

    /** The patents carrying any of these climate tags. */
    public static Target ofClimateTags(String... tags) {
        return new Target(false, List.of(), List.of(tags));
    }
}
