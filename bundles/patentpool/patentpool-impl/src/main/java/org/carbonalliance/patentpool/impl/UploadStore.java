package org.carbonalliance.patentpool.impl;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.carbonalliance.platform.api.web.ApiException;

/**
 * Writes an upload to disk as it arrives, expanded when it is gzip or zip (every file of a zip, in order), and
 * synced before the import job that reads it is committed. Refuses (413) an expansion past the configured size or
 * beyond 200 times what was read: a decompression bomb is stopped while it expands, not after.
 */
final class UploadStore {

    static final int MAX_RATIO = 200;
    /** Below this size any ratio is allowed: small, highly repetitive files are normal. */
    private static final long RATIO_FREE_BYTES = 10L << 20;

    private UploadStore() {
    }

    /**
     * @param diskReserve space that must stay free on the target's disk (for the database): 507 when it would not
     * @return the bytes written (expanded)
     */
    static long store(InputStream upload, Path target, long maxExpandedBytes, long diskReserve) throws IOException {
        CountingStream raw = new CountingStream(upload);
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        int b3 = in.read();
        in.reset();
        Disk disk = new Disk(target.getParent(), diskReserve);
        disk.check();
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            if (b0 == 0x1f && b1 == 0x8b) {
                try (GZIPInputStream gzip = new GZIPInputStream(in, 1 << 16)) {
                    copy(gzip, out, raw, maxExpandedBytes, 0, disk);
                }
            } else if (b0 == 'P' && b1 == 'K' && b2 == 3 && b3 == 4) {
                long written = 0;
                try (ZipInputStream zip = new ZipInputStream(in)) {
                    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                        if (!entry.isDirectory()) {
                            written = copy(zip, out, raw, maxExpandedBytes, written, disk);
                        }
                    }
                }
            } else {
                copy(in, out, null, Long.MAX_VALUE, 0, disk);
            }
            out.flush();
        }
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return Files.size(target);
    }

    private static long copy(InputStream in, OutputStream out, CountingStream compressed, long max, long before,
            Disk disk) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long written = before;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            written += n;
            if ((written & ((1 << 26) - 1)) < n) {
                disk.check(); // every 64 MiB
            }
            if (compressed != null && (written > max
                    || written > RATIO_FREE_BYTES && written > MAX_RATIO * Math.max(1, compressed.count))) {
                throw new ApiException(413, "payload-too-large", "The compressed file expands to more than "
                        + (written > max ? max + " bytes (the configured limit)" : MAX_RATIO
                        + " times its size, which is what a decompression bomb does") + "; nothing was imported.");
            }
            out.write(buffer, 0, n);
        }
        return written;
    }

    /** The free space an upload must leave. */
    private record Disk(Path directory, long reserve) {
        void check() {
            long usable = directory.toFile().getUsableSpace();
            if (usable < reserve) {
                org.slf4j.LoggerFactory.getLogger(UploadStore.class).warn("An import upload was refused: {} has {} "
                        + "bytes free, less than the {} kept for the database", directory, usable, reserve);
                throw new ApiException(507, "insufficient-storage", "The server's disk is too full to take this "
                        + "upload; nothing was imported. The operator has been told in the log.");
            }
        }
    }

    /** Counts the bytes read from the network. */
    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
