package org.carbonalliance.patentpool.impl.imports;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits concatenated XML documents, as in USPTO bulk files (one {@code <?xml ...?>} declaration per patent, hundreds
 * of MB in all), into one stream per document, holding no more than a 64 KB buffer. A document ends where a line
 * starts with the next {@code <?xml} declaration; blank lines between documents are skipped. The input is not closed.
 */
final class XmlDocumentSplitter {

    private static final byte[] DECLARATION = {'<', '?', 'x', 'm', 'l'};

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;
    private boolean eof;
    private Document current;
    private IOException failure;

    XmlDocumentSplitter(InputStream in) {
        this.in = in;
    }

    /**
     * @return the next document, to be read before the next call (what is left of it is then skipped), or null at the
     *         end of the input
     */
    InputStream next() throws IOException {
        if (current != null) {
            current.skipRest();
            current = null;
        }
        while (ensure(1) && isBlank(buffer[pos])) {
            pos++;
        }
        if (!ensure(1)) {
            return null;
        }
        current = new Document();
        return current;
    }

    /**
     * @return the input's own read failure, if a document stream ended by one: a parser reports it as a broken
     *         document, yet the import cannot go on
     */
    IOException failure() {
        return failure;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** @return whether at least {@code n} bytes are buffered from {@code pos} (false: the input ends before) */
    private boolean ensure(int n) throws IOException {
        while (limit - pos < n && !eof) {
            if (pos > 0) {
                System.arraycopy(buffer, pos, buffer, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            int read;
            try {
                read = in.read(buffer, limit, buffer.length - limit);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
            if (read < 0) {
                eof = true;
            } else {
                limit += read;
            }
        }
        return limit - pos >= n;
    }

    /** @return whether the buffer is at {@code <?xml} followed by a blank (not {@code <?xml-stylesheet}) */
    private boolean atDeclaration() throws IOException {
        if (!ensure(DECLARATION.length + 1)) {
            return false;
        }
        for (int i = 0; i < DECLARATION.length; i++) {
            if (buffer[pos + i] != DECLARATION[i]) {
                return false;
            }
        }
        return isBlank(buffer[pos + DECLARATION.length]);
    }

    /** One document: the bytes up to the next line that starts with a declaration. */
    private final class Document extends InputStream {

        /** The declaration a document starts with does not end it: the first line is never checked. */
        private boolean lineStart;
        private boolean ended;

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            int n = 0;
            while (n < len) {
                if (lineStart && atDeclaration() || !ensure(1)) {
                    ended = true;
                    break;
                }
                byte c = buffer[pos++];
                b[off + n++] = c;
                lineStart = c == '\n';
            }
            return n == 0 && ended ? -1 : n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        void skipRest() throws IOException {
            byte[] skipped = new byte[8192];
            while (read(skipped, 0, skipped.length) >= 0) {
                // skip
            }
        }

        @Override
        public void close() {
            // a parser closing its document does not end the file
        }
    }
}
