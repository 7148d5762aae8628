package org.carbonalliance.platform.api.plugin;

import java.util.Objects;

/**
 * A call of plugin code that gave no answer: it failed, did not answer within its limit, or was not made because
 * earlier calls to the same plugin still hang. The message names what was called and the plugin's bundle, for a
 * person to act on, such as {@code OnboardingCheck 'soil'.check of org.example.soil 1.0.0 did not answer within 5 s}.
 * It has been recorded for {@code /api/health} already; the caller only turns it into its extension point's
 * documented outcome.
 */
public class PluginCallException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the call gave no answer. */
    public enum Kind {
        /** The plugin code threw (an exception or an {@link Error}); the cause is the {@link #getCause() cause}. */
        FAILED,
        /** The plugin code did not answer within the limit; it was interrupted (and may still be running). */
        TIMED_OUT,
        /** Not called: earlier calls to the same plugin bundle are still running past their limit. */
        HUNG
    }

    private final Kind kind;
    private final String plugin;

    /**
     * @param kind    why the call gave no answer
     * @param plugin  the plugin's bundle as {@code <symbolic name> <version>} (or, outside OSGi, its class name)
     * @param message what was called, of which plugin, and what happened
     * @param cause   what the plugin threw, or null
     */
    public PluginCallException(Kind kind, String plugin, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.plugin = Objects.requireNonNull(plugin, "plugin");
    }

    /** @return why the call gave no answer */
    public Kind kind() {
        return kind;
    }

    /** @return the plugin's bundle as {@code <symbolic name> <version>}, such as {@code org.example.soil 1.0.0} */
    public String plugin() {
        return plugin;
    }
}
