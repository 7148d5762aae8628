package org.carbonalliance.platform.api.plugin;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.Test;

/** A plugin's name is asked once; a name that fails is the fallback from then on; a gone plugin's is not kept. */
public class PluginNamesTest {

    /** Runs the work on the calling thread; a throw is a failure, as the platform's implementation answers it. */
    private static final PluginCalls DIRECT = new PluginCalls() {
        @Override
        public <T> T call(Object plugin, String what, Duration limit, Callable<T> work) throws PluginCallException {
            try {
                return work.call();
            } catch (Exception e) {
                throw new PluginCallException(PluginCallException.Kind.FAILED, "test", what + " failed", e);
            }
        }

        @Override
        public void recordFailure(Object plugin, String what, String message) {
        }
    };

    private final AtomicInteger asked = new AtomicInteger();
    private final Set<Supplier<String>> registered = new HashSet<>();
    private final PluginNames<Supplier<String>> names = new PluginNames<>(DIRECT, "Test", plugin -> {
        asked.incrementAndGet();
        return plugin.get();
    }, plugin -> "fallback", registered::contains);

    @Test
    public void aNameIsAskedOnce() {
        Supplier<String> plugin = () -> "soil";
        registered.add(plugin);
        assertEquals("soil", names.of(plugin));
        assertEquals("soil", names.of(plugin));
        assertEquals(1, asked.get());
    }

    @Test
    public void aNameThatFailsIsTheFallbackAndNotAskedAgain() {
        Supplier<String> plugin = () -> {
            throw new IllegalStateException("no name");
        };
        registered.add(plugin);
        assertEquals("fallback", names.of(plugin));
        assertEquals("fallback", names.of(plugin));
        assertEquals(1, asked.get());
    }

    @Test
    public void aGonePluginsNameIsNotKept() {
        Supplier<String> plugin = () -> "blank-later";
        assertEquals("blank-later", names.of(plugin));
        names.of(plugin);
        assertEquals("not registered: asked each time", 2, asked.get());
        registered.add(plugin);
        names.of(plugin);
        names.forget(plugin);
        names.of(plugin);
        assertEquals(4, asked.get());
    }
}
