package org.carbonalliance.platform.features;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The folder FileInstall watches, as the platform's hot-deploy code sees it: which bundle locations and files lie
 * directly in it, and where a file moved out of it is kept. One definition for the update logic (this package) and
 * the install API (package {@code plugins}).
 */
public final class DeployDir {

    private final Path dir;
    private final Path realDir;

    /** @param dir the folder as configured ({@code felix.fileinstall.dir}) */
    public DeployDir(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        Path real;
        try {
            real = this.dir.toRealPath();
        } catch (IOException e) {
            real = this.dir;
        }
        this.realDir = real;
    }

    public Path path() {
        return dir;
    }

    /**
     * @return the file a bundle location points to when it lies directly in the folder (FileInstall's locations are
     *         the file's URI, spaces encoded), else null
     */
    public Path fileOf(String location) {
        int start = location == null ? -1 : location.indexOf("file:");
        if (start < 0) {
            return null;
        }
        try {
            Path file = Path.of(URI.create(location.substring(start))).toAbsolutePath().normalize();
            return holds(file) ? file : null;
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return null;
        }
    }

    /** @return whether {@code file} lies directly in the folder (under its configured or its real path) */
    public boolean holds(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent != null && (parent.equals(dir) || parent.equals(realDir));
    }

    /**
     * @return where in {@code keepDir} a file named {@code fileName} is kept: its own name, or, when a copy kept
     *         earlier has it, the name with {@code -replaced-<millis>} before the extension (a kept copy is never
     *         overwritten)
     */
    public static Path keptName(Path keepDir, String fileName) {
        Path kept = keepDir.resolve(fileName);
        if (!Files.exists(kept, LinkOption.NOFOLLOW_LINKS)) {
            return kept;
        }
        int dot = fileName.lastIndexOf('.');
        String stamp = "-replaced-" + System.currentTimeMillis();
        return keepDir.resolve(dot < 0 ? fileName + stamp : fileName.substring(0, dot) + stamp
                + fileName.substring(dot));
    }

    /** @return the file's modification time in milliseconds, or {@code Long.MAX_VALUE} when it cannot be read */
    public static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
