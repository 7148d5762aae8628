package org.carbonalliance.telemetry.impl.senml;

/**
 * A SenML pack (or plain JSON object) that is refused, with a message meant for the device developer, e.g.
 * {@code record 3: 'v' is not a number}.
 */
public class SenmlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** {@link #recordIndex()} when the problem is not tied to one record. */
    public static final int NO_RECORD = -1;

    private final int recordIndex;

    public SenmlException(int recordIndex, String problem) {
        super(recordIndex >= 0 ? "record " + recordIndex + ": " + problem : problem);
        this.recordIndex = recordIndex;
    }

    /** The 0-based index of the offending record in the pack, or {@link #NO_RECORD}. */
    public int recordIndex() {
        return recordIndex;
    }
}
