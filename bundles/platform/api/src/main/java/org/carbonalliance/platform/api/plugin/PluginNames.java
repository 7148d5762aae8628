package org.carbonalliance.platform.api.plugin;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The names plugins of one extension point give themselves ({@code name()}, stable by the extension points'
 * contracts), each asked once through {@link PluginCalls} with a limit of {@link #LIMIT}. A plugin whose name fails,
 * hangs or is blank is known by its fallback from then on, so a name that hangs is not asked again. A name is kept
 * only while its plugin is registered; {@link #forget} it when the plugin goes.
 *
 * @param <P> the extension point's type
 */
public final class PluginNames<P> {

    /** How long a plugin has to say its name. */
    public static final Duration LIMIT = Duration.ofSeconds(1);

    private final PluginCalls calls;
    private final String extensionPoint;
    private final Function<P, String> name;
    private final Function<P, String> fallback;
    private final Predicate<P> registered;
    private final Map<P, String> known = new ConcurrentHashMap<>();

    /**
     * @param calls          how plugin code is called
     * @param extensionPoint the extension point, for messages (such as {@code OnboardingCheck})
     * @param name           asks a plugin its name (such as {@code OnboardingCheck::name})
     * @param fallback       the name of a plugin that gives none
     * @param registered     whether a plugin is still registered (a name learnt after it went is not kept)
     */
    public PluginNames(PluginCalls calls, String extensionPoint, Function<P, String> name,
            Function<P, String> fallback, Predicate<P> registered) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.extensionPoint = Objects.requireNonNull(extensionPoint, "extensionPoint");
        this.name = Objects.requireNonNull(name, "name");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.registered = Objects.requireNonNull(registered, "registered");
    }

    /** @return the plugin's name, or its fallback when it gave none in time */
    public String of(P plugin) {
        String remembered = known.get(plugin);
        if (remembered != null) {
            return remembered;
        }
        String given = calls.callOr(plugin, extensionPoint + " " + plugin.getClass().getName() + ".name", LIMIT,
                () -> name.apply(plugin), null);
        String result = given == null || given.isBlank() ? fallback.apply(plugin) : given;
        if (registered.test(plugin)) {
            known.put(plugin, result);
        }
        return result;
    }

    /** Forgets a plugin that went away. */
    public void forget(P plugin) {
        known.remove(plugin);
    }
}
