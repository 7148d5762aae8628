package org.carbonalliance.platform.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The minimum strength of a password a user chooses: at least 12 characters with three of lower case, upper case,
 * digits and other characters (or 16 characters of any kind), not containing the e-mail's name part, at most 200.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;

    private PasswordPolicy() {
    }

    /** @return what is wrong with {@code password}, or empty when it is acceptable */
    static Optional<String> problem(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("The password needs at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > 200) {
            return Optional.of("The password may have at most 200 characters.");
        }
        int classes = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (classes < 3 && password.length() < 16) {
            return Optional.of("Use 16 or more characters, or mix three of: lower case, upper case, digits, symbols.");
        }
        String name = email == null ? "" : email.split("@")[0].toLowerCase(Locale.ROOT);
        if (name.length() >= 3 && password.toLowerCase(Locale.ROOT).contains(name)) {
            return Optional.of("The password must not contain your e-mail name.");
        }
        return Optional.empty();
    }
}
