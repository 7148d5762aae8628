package org.carbonalliance.telemetry.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point: turns a vendor's payload (its own JSON or binary) into readings, for devices that do not speak
 * SenML. Register an implementation as an OSGi service (whiteboard). For a payload that is not SenML
 * ({@code application/senml+json}) or plain JSON ({@code application/json}), the platform asks each decoder whether
 * it {@link #handles} the device's type and the payload's content type, and uses the first that does (by service
 * ranking).
 * <p>
 * What the platform guarantees: {@link #decode} runs with a limit of 2 seconds; a decoder that throws or takes longer
 * refuses that payload (HTTP 400 naming the decoder; nothing is stored) and nothing else. Removing the plugin stops
 * the decoding; readings already stored stay.
 * <p>
 * Every method runs on a platform thread with a limit and is interrupted when it takes longer: {@link #decode} 2
 * seconds, {@link #handles} and {@link #name} 1 second each ({@code name} is asked once and remembered; a
 * {@code handles} that throws or takes longer counts as "no"). An {@link IllegalArgumentException} from
 * {@link #decode} is the decoder's answer "not my payload"; any other exception (an {@link Error} too) or a time-out
 * is a failure of the plugin and names its bundle in {@code /api/health} (check {@code plugins}); a bundle with 4
 * calls still running past their limit is not called until one ends (its payloads are refused meanwhile).
 */
@ConsumerType
public interface PayloadDecoder {

    /**
     * @return a short, stable name shown in errors and on the console, such as {@code acme-meter-v2}; asked once,
     *         within 1 second
     */
    String name();

    /**
     * @param deviceType  the device's type, one of {@link DeviceTypes#ALL}
     * @param contentType the payload's media type as sent (without parameters), such as
     *                    {@code application/octet-stream}
     * @return whether this decoder reads such payloads, within 1 second
     */
    boolean handles(String deviceType, String contentType);

    /**
     * @param payload  the payload as received (at most the platform's body limit)
     * @param deviceId the device that sent it
     * @return every reading in the payload, within 2 seconds
     * @throws IllegalArgumentException with a message the device's developer can act on, when the payload is not
     *                                  one this decoder reads
     */
    List<DecodedReading> decode(byte[] payload, String deviceId);
}
