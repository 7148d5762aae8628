package org.carbonalliance.platform.features;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands: {@code feature:list}, {@code feature:install}, {@code feature:uninstall}. */
@Component(service = Object.class, property = {
        "osgi.command.scope=feature",
        "osgi.command.function=list",
        "osgi.command.function=install",
        "osgi.command.function=uninstall" })
public class FeatureCommands {

    private final Features manager;

    @Activate
    public FeatureCommands(@Reference Features manager) {
        this.manager = manager;
    }

    @Descriptor("lists installed features and those available in features/")
    public String list() throws Exception {
        StringBuilder out = new StringBuilder("Installed:\n");
        for (FeatureRecord record : manager.installed()) {
            out.append(String.format("  %-40s %-30s %d bundles%n", record.id(), record.name(), record.bundles().size()));
        }
        out.append("Available in features/:\n");
        for (Path file : manager.available()) {
            out.append("  ").append(file.getFileName()).append('\n');
        }
        return out.toString();
    }

    @Descriptor("installs a feature: a name from features/ or the path of a feature file")
    public String install(@Descriptor("feature name or file") String nameOrFile) throws Exception {
        Path file = manager.availableFile(nameOrFile);
        if (file == null) {
            file = Path.of(nameOrFile);
            if (!Files.isRegularFile(file)) {
                throw new FeatureException("No feature file " + nameOrFile + " (neither in features/ nor a path).");
            }
        }
        FeatureRecord record = manager.install(file);
        return "Installed " + record.id();
    }

    @Descriptor("uninstalls a feature by its id (see feature:list)")
    public String uninstall(@Descriptor("feature id") String id) throws Exception {
        manager.uninstall(id);
        return "Uninstalled " + id;
    }
}
