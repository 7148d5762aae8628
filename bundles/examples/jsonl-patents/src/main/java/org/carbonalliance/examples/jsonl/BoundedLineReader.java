package org.carbonalliance.examples.jsonl;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()}, but keeps at most {@code limit} characters of a line:
 * the rest of a longer line is read and dropped, so one huge line cannot fill the memory. Lines end at {@code \n}; a
 * {@code \r} before it is removed. Not thread-safe; does not close the reader.
 */
final class BoundedLineReader {

    private final Reader in;
    private final int limit;
    private final char[] buffer = new char[8192];
    private int position;
    private int end;
    private boolean tooLong;

    BoundedLineReader(Reader in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /**
     * @return the next line without its line end, or null at the end of the input; for a line longer than the limit,
     *         its first {@code limit} characters, and {@link #tooLong()} is true
     */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        tooLong = false;
        boolean any = false;
        while (true) {
            if (position == end) {
                end = in.read(buffer);
                position = 0;
                if (end <= 0) {
                    end = 0;
                    return any ? finish(line) : null;
                }
            }
            any = true;
            int start = position;
            while (position < end && buffer[position] != '\n') {
                position++;
            }
            // one character more than the limit, in case it is the '\r' of a "\r\n"
            int count = Math.min(position - start, limit + 1 - line.length());
            tooLong |= count < position - start;
            line.append(buffer, start, count);
            if (position < end) {
                position++; // the '\n'
                return finish(line);
            }
        }
    }

    /** @return whether the line {@link #readLine()} returned last was cut at the limit */
    boolean tooLong() {
        return tooLong;
    }

    private String finish(StringBuilder line) {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
            line.setLength(length - 1);
        }
        if (line.length() > limit) {
            tooLong = true;
            line.setLength(limit);
        }
        return line.toString();
    }
}
