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

    /** @return the bytes written (expanded) */
    static long store(InputStream upload, Path target, long maxExpandedBytes) throws IOException {
        CountingStream raw = new CountingStream(upload);
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        int b3 = in.read();
        in.reset();
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            long written;
            if (b0 == 0x1f && b1 == 0x8b) {
                written = copy(new GZIPInputStream(in, 1 << 16), out, raw, maxExpandedBytes, 0);
            } else if (b0 == 'P' && b1 == 'K' && b2 == 3 && b3 == 4) {
                written = 0;
                ZipInputStream zip = new ZipInputStream(in);
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (!entry.isDirectory()) {
                        written = copy(zip, out, raw, maxExpandedBytes, written);
                    }
                }
            } else {
                written = copy(in, out, null, Long.MAX_VALUE, 0);
            }
            out.flush();
        }
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return Files.size(target);
    }

    private static long copy(InputStream in, OutputStream out, CountingStream compressed, long max, long before)
            throws IOException {
        byte[] buffer = new byte[1 << 16];
        long written = before;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            written += n;
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
