package org.carbonalliance.platform.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.carbonalliance.platform.api.security.Secrets;

/** Chooses the operator's first password: the one the operator supplied, or a random one written for the owner only. */
final class OperatorPassword {

    static final int MIN_LENGTH = 12;
    static final String FILE_NAME = "operator-password.txt";

    private OperatorPassword() {
    }

    /** @return 24 random characters, URL-safe Base64 of 18 random bytes */
    static String random() {
        return Secrets.randomToken(18);
    }

    /** Writes {@code password} to {@code dataDir}/operator-password.txt, readable and writable by the owner only. */
    static Path writeForOwner(Path dataDir, String password) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, "admin " + password + System.lineSeparator());
        return file;
    }
}
