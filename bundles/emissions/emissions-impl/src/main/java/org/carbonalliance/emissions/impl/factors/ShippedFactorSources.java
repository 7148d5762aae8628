package org.carbonalliance.emissions.impl.factors;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.carbonalliance.emissions.api.EmissionFactor;
import org.carbonalliance.emissions.api.FactorSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Registers one {@link FactorSource} per data file shipped in {@code factors/} (China MEE grid factors, IPCC 2006,
 * US EPA hub, UK DESNZ), exactly as a plugin would: the shipped sets use the extension point, nothing else.
 */
@Component
public class ShippedFactorSources {

    private final List<ServiceRegistration<FactorSource>> registrations = new ArrayList<>();

    @Activate
    void start(BundleContext context) {
        for (URL file : Collections.list(context.getBundle().findEntries("factors", "*.csv", false))) {
            String name = file.getPath().substring(file.getPath().lastIndexOf('/') + 1);
            if (!name.equals("gwp.csv")) {
                registrations.add(context.registerService(FactorSource.class,
                        new FileSource(name.substring(0, name.length() - 4), file), null));
            }
        }
    }

    @Deactivate
    void stop() {
        registrations.forEach(ServiceRegistration::unregister);
    }

    /** A factor file: its id is the file name, its title the first comment line. */
    record FileSource(String id, URL file) implements FactorSource {

        @Override
        public String title() {
            try (Reader in = new InputStreamReader(file.openStream(), StandardCharsets.UTF_8)) {
                char[] head = new char[400];
                String text = new String(head, 0, Math.max(0, in.read(head)));
                String first = text.lines().findFirst().orElse("");
                return first.startsWith("#") ? first.substring(1).strip() : id;
            } catch (IOException e) {
                return id;
            }
        }

        @Override
        public List<EmissionFactor> factors() {
            try (Reader in = new InputStreamReader(file.openStream(), StandardCharsets.UTF_8)) {
                return FactorCsv.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
