package org.carbonalliance.platform.features;

/** A feature could not be installed or uninstalled; the message says which part and why. */
public class FeatureException extends Exception {
    private static final long serialVersionUID = 1L;

    public FeatureException(String message, Throwable cause) {
        super(message, cause);
    }

    public FeatureException(String message) {
        super(message);
    }
}
