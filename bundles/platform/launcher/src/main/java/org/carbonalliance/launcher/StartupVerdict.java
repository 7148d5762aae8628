package org.carbonalliance.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The platform's own word on whether this start worked: the web bundle writes {@code data/startup.status} ("ready",
 * "degraded ...", "failed ...") once every bundle has started and its health has settled.
 */
record StartupVerdict(String outcome, String detail) {

    static final String FILE_NAME = "startup.status";

    boolean failed() {
        return outcome.equals("failed");
    }

    /** Removes the verdict of an earlier run, before this one starts. */
    static void clear(Path data) throws IOException {
        Files.deleteIfExists(data.resolve(FILE_NAME));
    }

    /** Records this verdict where bin/alliance waits for it (the launcher's own, when the platform gave none). */
    void write(Path data) {
        try {
            Files.writeString(data.resolve(FILE_NAME), outcome + " " + detail + System.lineSeparator());
        } catch (IOException e) {
            System.err.println("Carbon Alliance: could not write " + FILE_NAME + ": " + e.getMessage());
        }
    }

    static Optional<StartupVerdict> read(Path data) {
        try {
            String line = Files.readString(data.resolve(FILE_NAME)).strip();
            int space = line.indexOf(' ');
            return Optional.of(space < 0 ? new StartupVerdict(line, "")
                    : new StartupVerdict(line.substring(0, space), line.substring(space + 1)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
