package org.carbonalliance.emissions.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point: a set of emission factors from one publisher's method, such as one of China's 24 industry
 * accounting guidelines or a company's own supplier-specific factors. Register an implementation as an OSGi service
 * (whiteboard).
 * <p>
 * What the platform guarantees:
 * <ul>
 * <li>{@link #factors()} is called once when the service appears (and again when the bundle is updated), on a
 * background thread, with a limit of 30 seconds. A source that throws (an {@link Error} too) or takes longer is
 * interrupted and shown as failed in {@code GET /api/emissions/factors/sources} and in {@code /api/health}; its
 * factors are not loaded and nothing else is affected.</li>
 * <li>{@link #id()} and {@link #title()} are asked once per load, each with a limit of 5 seconds. An id that throws
 * or is malformed gives the source an {@code invalid-...} id; an id that takes longer fails the source (its factors
 * are not asked for); a title that throws or takes longer is replaced by the id. Sources load one after another, so
 * these limits are what one source can delay the others.</li>
 * <li>Every failure and time-out names the plugin's bundle in {@code /api/health} (check {@code plugins}); a bundle
 * with 4 calls still running past their limit is not called until one ends (the source is shown as failed).</li>
 * <li>Factors are never edited or deleted. A factor whose {@link EmissionFactor#key() key} is new becomes version 1; a
 * factor whose key is known but whose figures differ becomes the next version and supersedes the earlier one.</li>
 * <li>Removing the plugin takes its factors out of new calculations; calculations already saved keep the exact factor
 * versions they used, so old reports recalculate to the same result.</li>
 * </ul>
 */
@ConsumerType
public interface FactorSource {

    /**
     * @return a short, stable identifier: lowercase letters, digits and hyphens, at most 60 characters (such as
     *         {@code china-cement-2013}); stored factor versions are {@code <source id>:<factor key>@<version>}. An id
     *         already used by another installed source is refused (the source is not loaded)
     */
    String id();

    /** @return the set's title as people should see it, such as the guideline's name */
    String title();

    /**
     * @return every factor of the set. A factor that breaks the rules of {@link EmissionFactor} (or repeats a key) is
     *         skipped and counted in the source's status; the others are loaded
     */
    List<EmissionFactor> factors();
}
