package org.carbonalliance.platform.api.persistence;

/** A persistence unit could not be opened or a transaction could not be completed. */
public class PersistenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
