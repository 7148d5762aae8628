package org.carbonalliance.platform.features;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which features are installed and which bundle locations features brought in (as opposed to bundles that were there
 * before). Written atomically to a JSON file after each change.
 */
final class FeatureState {

    /** The file's shape. */
    public record Snapshot(Map<String, FeatureRecord> features, Set<String> brought) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, FeatureRecord> features = new LinkedHashMap<>();
    private final Set<String> brought = new LinkedHashSet<>();

    FeatureState(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            Snapshot snapshot = JSON.readValue(file.toFile(), Snapshot.class);
            features.putAll(snapshot.features());
            brought.addAll(snapshot.brought());
        }
    }

    Collection<FeatureRecord> features() {
        return List.copyOf(features.values());
    }

    FeatureRecord get(String id) {
        return features.get(id);
    }

    void put(FeatureRecord record, Collection<String> newlyBrought) throws IOException {
        features.put(record.id(), record);
        brought.addAll(newlyBrought);
        save();
    }

    /**
     * Removes the feature and answers the locations that are now unused: brought by a feature and needed by none left.
     */
    List<String> remove(String id) throws IOException {
        FeatureRecord removed = features.remove(id);
        List<String> unused = new ArrayList<>();
        if (removed != null) {
            for (String location : removed.bundles()) {
                if (brought.contains(location) && features.values().stream().noneMatch(f -> f.bundles().contains(location))) {
                    unused.add(location);
                    brought.remove(location);
                }
            }
            save();
        }
        return unused;
    }

    /** @return whether another installed feature than {@code id} created the configuration {@code pid} */
    boolean configurationUsedByOthers(String id, String pid) {
        return features.values().stream().anyMatch(f -> !f.id().equals(id) && f.configurations().contains(pid));
    }

    private void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), new Snapshot(features, brought));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
