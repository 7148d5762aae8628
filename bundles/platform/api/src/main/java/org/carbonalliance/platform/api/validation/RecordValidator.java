package org.carbonalliance.platform.api.validation;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Checks a record against its Bean Validation constraints the way the REST layer checks request bodies, for records
 * that arrive another way (an imported file's rows, for example). A service of the platform.
 *
 * @since 1.1
 */
@ProviderType
public interface RecordValidator {

    /** @return one "field: problem" line per violation, sorted; empty when {@code record} is valid */
    List<String> problems(Object record);
}
