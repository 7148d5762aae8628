package org.carbonalliance.platform.features.plugins;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.carbonalliance.platform.features.DeployDir;
import org.carbonalliance.platform.features.plugins.PluginInspector.Identity;

/**
 * The plugin files in the folder FileInstall watches ({@code *.jar} bundles, {@code *.json} features), what each is,
 * and the two ways this code changes the folder: a finished file renamed into it in one step, and a file deleted.
 * Names are never taken from a request: callers pick an {@link Entry} from {@link #entries()} or build the name from
 * a validated symbolic name and version.
 */
final class DeployFolder {

    /** A plugin file in deploy/: its name, what it is, and its SHA-256. */
    record Entry(String name, Path file, Identity identity, String sha256) {
    }

    /** What was read from a file, valid while it keeps its size and modification time. */
    private record Cached(long size, long modified, Entry entry) {
    }

    private final DeployDir deployDir;
    private final Path dir;
    private final PluginInspector inspector;
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    DeployFolder(Path dir, PluginInspector inspector) {
        this.deployDir = new DeployDir(dir);
        this.dir = deployDir.path();
        this.inspector = inspector;
    }

    Path dir() {
        return dir;
    }

    /** @return the plugin files, by name; each file is read again only when its size or time changed */
    List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{jar,json}")) {
            for (Path file : files) {
                entry(file).ifPresent(entries::add);
            }
        }
        cache.keySet().removeIf(file -> !Files.exists(file, LinkOption.NOFOLLOW_LINKS));
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }

    /**
     * @return whether deploy/ has anything named {@code name} (a symbolic link too, which {@link #entries()} does not
     *         list), so that a file moved in would replace it
     */
    boolean taken(String name) {
        return Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS);
    }

    /** @return the listed file named exactly {@code name}; nothing for any other name */
    Optional<Entry> find(String name) throws IOException {
        return entries().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The entry of a regular file; a symbolic link (or anything else) is skipped, not followed. */
    private Optional<Entry> entry(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            long size = attributes.size();
            long modified = attributes.lastModifiedTime().toMillis();
            Cached known = cache.get(file);
            if (known == null || known.size() != size || known.modified() != modified) {
                Entry entry = new Entry(file.getFileName().toString(), file, inspector.identify(file),
                        PluginInspector.sha256(file));
                known = new Cached(size, modified, entry);
                cache.put(file, known);
            }
            return Optional.of(known.entry());
        } catch (NoSuchFileException e) {
            return Optional.empty(); // removed meanwhile
        }
    }

    /**
     * Moves a finished file into deploy/ as {@code name} in one rename, so FileInstall never sees part of it. When
     * {@code source} lies on another file system, it is copied next to deploy/ first (into its parent, which
     * FileInstall does not watch; a temporary file in deploy/ itself would be installed, as FileInstall 3.7.4 has no
     * default filter) and renamed from there.
     */
    Path moveIn(Path source, String name) throws IOException {
        Path target = dir.resolve(name);
        // A fresh time, so FileInstall sees a change even where the name had a file before.
        Files.setLastModifiedTime(source, FileTime.from(Instant.now()));
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Path temp = Files.createTempFile(dir.getParent(), ".plugin-", ".part");
            try {
                Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            Files.delete(source);
        }
        return target;
    }

    /**
     * Moves a deployed file out of deploy/ into {@code keepDir} (FileInstall then uninstalls what it installed), never
     * over a copy kept earlier.
     */
    Path moveOut(Entry entry, Path keepDir) throws IOException {
        Files.createDirectories(keepDir);
        Path kept = DeployDir.keptName(keepDir, entry.name());
        Files.move(entry.file(), kept);
        return kept;
    }

    /** Deletes a deployed file (FileInstall then uninstalls what it installed); false when it was gone already. */
    boolean delete(Entry entry) throws IOException {
        cache.remove(entry.file());
        return Files.deleteIfExists(entry.file());
    }

    /**
     * @return the name in deploy/ of the file a bundle location points to (FileInstall's locations are the file's
     *         URI), or null when the location is not a file directly in deploy/
     */
    String fileOf(String location) {
        Path file = deployDir.fileOf(location);
        return file == null ? null : file.getFileName().toString();
    }

    /** @return whether {@code file} (a path as FileInstall passed it, from a feature's record) lies in deploy/ */
    boolean holds(Path file) {
        return deployDir.holds(file);
    }
}
