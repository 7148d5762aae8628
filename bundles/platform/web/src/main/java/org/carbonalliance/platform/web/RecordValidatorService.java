package org.carbonalliance.platform.web;

import java.util.List;
import org.carbonalliance.platform.api.validation.RecordValidator;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** {@link RecordValidator} for other bundles: the REST layer's own body validation. */
@Component(service = RecordValidator.class)
public class RecordValidatorService implements RecordValidator {

    private final BodyValidator validator = new BodyValidator();

    @Override
    public List<String> problems(Object record) {
        return validator.problems(record);
    }

    @Deactivate
    void close() {
        validator.close();
    }
}
