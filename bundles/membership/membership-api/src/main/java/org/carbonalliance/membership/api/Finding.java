package org.carbonalliance.membership.api;

/**
 * One result of an onboarding check, shown to the reviewer.
 *
 * @param check   the check's name
 * @param level   pass, warning or fail
 * @param message what the reviewer should know
 */
public record Finding(String check, Level level, String message) {

    /** How serious a finding is; a fail does not reject by itself, the reviewer decides. */
    public enum Level { PASS, WARNING, FAIL }

    public static Finding pass(String check, String message) {
        return new Finding(check, Level.PASS, message);
    }

    public static Finding warning(String check, String message) {
        return new Finding(check, Level.WARNING, message);
    }

    public static Finding fail(String check, String message) {
        return new Finding(check, Level.FAIL, message);
    }
}
