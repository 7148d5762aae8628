package org.carbonalliance.emissions.impl.calc;

import java.math.BigDecimal;

/**
 * A facility as a calculation sees it: where it is (for regional factors) and how much of it the organisational
 * boundary takes in.
 *
 * @param share    the fraction of its emissions counted: 1 under a control approach when controlled, 0 when not,
 *                 the equity share under the equity-share approach
 * @param regions  the regions to look factors up in, most specific first (grid region, country, GLOBAL)
 */
public record FacilityScope(String id, String name, java.util.List<String> regions, BigDecimal share) {
}
