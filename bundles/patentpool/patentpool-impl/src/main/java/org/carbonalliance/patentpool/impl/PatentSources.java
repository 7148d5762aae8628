package org.carbonalliance.patentpool.impl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.carbonalliance.patentpool.api.PatentSource;
import org.carbonalliance.patentpool.impl.imports.LensCsv;
import org.carbonalliance.patentpool.impl.imports.UsptoGrantXml;
import org.carbonalliance.platform.api.plugin.PluginCallException;
import org.carbonalliance.platform.api.plugin.PluginCalls;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The import formats: the built-in ones and every {@link PatentSource} service (whiteboard). A plugin's format comes
 * and goes with its bundle; a name already taken is ignored, with a warning. Sources are called only through
 * {@link #calls()} ({@link PluginCalls}), with the limits {@link PatentSource} documents.
 */
@Component(service = PatentSources.class)
public class PatentSources {

    private static final Logger LOG = LoggerFactory.getLogger(PatentSources.class);
    private static final String NAME = "[a-z0-9][a-z0-9-]{0,39}";
    static final Duration FORMAT_LIMIT = Duration.ofSeconds(5);
    static final Duration DESCRIPTION_LIMIT = Duration.ofSeconds(1);

    private final Map<String, PatentSource> builtIn = Map.of("lens-csv", new LensCsv(), "st36-xml",
            new UsptoGrantXml());
    private final Map<String, PatentSource> plugins = new ConcurrentHashMap<>();
    private final PluginCalls calls;

    @Activate
    public PatentSources(@Reference PluginCalls calls) {
        this.calls = calls;
    }

    /** @return how the pool calls sources: with limits, failures named in health */
    PluginCalls calls() {
        return calls;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(PatentSource source) {
        String format;
        try {
            format = calls.call(source, "PatentSource " + source.getClass().getName() + ".format", FORMAT_LIMIT,
                    source::format);
        } catch (PluginCallException e) {
            LOG.warn("Patent source {} ignored: {}", source.getClass().getName(), e.getMessage());
            return;
        }
        if (format == null || !format.matches(NAME) || builtIn.containsKey(format)
                || plugins.putIfAbsent(format, source) != null) {
            LOG.warn("Patent source {} ignored: its format name '{}' is taken or not lower-case letters, digits "
                    + "and dashes", source.getClass().getName(), format);
            return;
        }
        LOG.info("Import format '{}' added by {}", format, source.getClass().getName());
    }

    void removeSource(PatentSource source) {
        plugins.values().remove(source);
    }

    Optional<PatentSource> get(String format) {
        return Optional.ofNullable(format == null ? null : builtIn.getOrDefault(format, plugins.get(format)));
    }

    boolean isBuiltIn(String format) {
        return builtIn.containsKey(format);
    }

    /** @return the source's one-line description, within 1 s; empty when it gives none in time */
    String description(String format, PatentSource source) {
        return calls.callOr(source, "PatentSource '" + format + "'.description", DESCRIPTION_LIMIT,
                source::description, "");
    }

    /** @return every source, built-in first, for legal-status lookups and the format list */
    List<Map.Entry<String, PatentSource>> all() {
        List<Map.Entry<String, PatentSource>> all = new ArrayList<>(new java.util.TreeMap<>(builtIn).entrySet());
        all.addAll(new java.util.TreeMap<>(plugins).entrySet());
        return all;
    }
}
