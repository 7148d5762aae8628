package org.carbonalliance.platform.features.plugins;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carbonalliance.platform.api.web.ApiException;

/**
 * Uploads awaiting review, in a folder of their own under the data folder: each one file, {@code <uuid>.jar} or
 * {@code <uuid>.json}, and nothing else. An upload is kept for the review time from when it arrived (its file's
 * modification time), then deleted. Paths are only ever built from ids this class made or checked to be UUIDs.
 */
final class PluginStaging {

    /** An upload as staged: its id, its file, bundle or feature, and when it expires. */
    record Staged(String id, Path file, String kind, Instant expiresAt) {
    }

    /** The ids UUID.randomUUID() writes: lower-case hex in 8-4-4-4-12. */
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern FILE = Pattern.compile("(" + ID.pattern() + ")\\.(jar|json)");
    /** Uploads awaiting review at once; more are refused, so a script cannot fill the disk. */
    static final int MAX_STAGED = 20;

    private final Path dir;
    private final Clock clock;
    /** Uploads being written: counted, but neither listed nor found nor expired until complete. */
    private final Set<Path> arriving = ConcurrentHashMap.newKeySet();
    private volatile Duration ttl;

    PluginStaging(Path dir, Duration ttl, Clock clock) {
        this.dir = dir;
        this.ttl = ttl;
        this.clock = clock;
    }

    void ttl(Duration ttl) {
        this.ttl = ttl;
    }

    /**
     * Writes an upload as it arrives, after its first bytes told a jar from JSON. Its file is created, and counted
     * towards {@link #MAX_STAGED}, in the same step as the count is checked; the bytes follow outside that step.
     * A feature (JSON) may be at most {@link PluginInspector#MAX_FEATURE_BYTES}, whatever {@code maxBytes} says.
     *
     * @throws ApiException 400 when it is neither, 413 past the limit, 409 when too many await review
     */
    Staged store(InputStream upload, long maxBytes) throws IOException {
        BufferedInputStream in = new BufferedInputStream(upload, 1 << 16);
        in.mark(PluginInspector.HEAD_BYTES);
        String kind = PluginInspector.kindOf(in.readNBytes(PluginInspector.HEAD_BYTES));
        in.reset();
        boolean feature = kind.equals(PluginInspector.FEATURE);
        long limit = feature ? Math.min(maxBytes, PluginInspector.MAX_FEATURE_BYTES) : maxBytes;
        String id = UUID.randomUUID().toString();
        Path file = dir.resolve(id + (feature ? ".json" : ".jar"));
        reserve(file);
        try {
            write(in, file, feature && limit < maxBytes ? PluginInspector.featureTooLarge()
                    : new ApiException(413, "payload-too-large", "The file is larger than the limit of " + maxBytes
                            + " bytes (Largest upload, in the Alliance plugins configuration)."), limit);
            Instant now = clock.instant();
            Files.setLastModifiedTime(file, FileTime.from(now));
            return new Staged(id, file, kind, now.plus(ttl));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        } finally {
            arrived(file); // from now on listed, with the time it arrived
        }
    }

    /** Under the lock {@link #reserve} counts with: an upload is counted either arriving or listed, never neither. */
    private synchronized void arrived(Path file) {
        arriving.remove(file);
    }

    /** Writes what arrives into the reserved {@code file}; past {@code limit} bytes, {@code tooLarge} is thrown. */
    private static void write(InputStream in, Path file, ApiException tooLarge, long limit) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[1 << 16];
            long written = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                written += n;
                if (written > limit) {
                    throw tooLarge;
                }
                out.write(buffer, 0, n);
            }
        }
    }

    /**
     * Creates {@code file}, empty, as an upload arriving, unless {@link #MAX_STAGED} uploads await review or arrive
     * already.
     */
    private synchronized void reserve(Path file) throws IOException {
        if (list().size() + arriving.size() >= MAX_STAGED) { // list() deletes expired uploads on the way
            throw new ApiException(409, "conflict", MAX_STAGED + " uploads await review already; activate or discard "
                    + "some first (they are discarded " + ttl.toMinutes() + " minutes after upload).");
        }
        Files.createDirectories(dir);
        Files.createFile(file);
        arriving.add(file);
    }

    /** @return the upload with this id, unless the id is no UUID, there is none, or it has expired */
    Optional<Staged> find(String id) throws IOException {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        for (String extension : new String[] {".jar", ".json"}) {
            Optional<Staged> staged = staged(dir.resolve(id + extension));
            if (staged.isPresent()) {
                return staged;
            }
        }
        return Optional.empty();
    }

    /** Deletes an upload; false when it was gone already. */
    boolean discard(Staged staged) throws IOException {
        return Files.deleteIfExists(staged.file());
    }

    /** Deletes expired uploads. */
    synchronized void clean() throws IOException {
        list();
    }

    /** @return the uploads awaiting review, deleting expired ones on the way */
    List<Staged> list() throws IOException {
        List<Staged> all = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                staged(file).ifPresent(all::add);
            }
        }
        return all;
    }

    /** @return the staged upload in {@code file}; an expired one is deleted; files not named by us are left alone */
    private Optional<Staged> staged(Path file) throws IOException {
        Matcher name = FILE.matcher(file.getFileName().toString());
        if (!name.matches() || arriving.contains(file)) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return Optional.empty(); // a link or anything else is none of ours
            }
            Instant expires = attributes.lastModifiedTime().toInstant().plus(ttl);
            if (!expires.isAfter(clock.instant())) {
                Files.deleteIfExists(file);
                return Optional.empty();
            }
            String kind = name.group(2).equals("jar") ? PluginInspector.BUNDLE : PluginInspector.FEATURE;
            return Optional.of(new Staged(name.group(1), file, kind, expires));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // discarded or activated meanwhile
        }
    }
}
