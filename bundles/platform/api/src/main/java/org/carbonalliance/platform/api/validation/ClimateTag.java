package org.carbonalliance.platform.api.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

/**
 * A CPC climate-change mitigation tag: Y02A, Y02B, Y02C, Y02D, Y02E, Y02P, Y02T, Y02W or Y04S (upper or lower case);
 * null passes.
 */
@Documented
@Constraint(validatedBy = ClimateTag.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ClimateTag {

    /** The tags, as the CPC scheme names them. */
    Set<String> TAGS = Set.of("Y02A", "Y02B", "Y02C", "Y02D", "Y02E", "Y02P", "Y02T", "Y02W", "Y04S");

    String message() default "one of Y02A, Y02B, Y02C, Y02D, Y02E, Y02P, Y02T, Y02W, Y04S";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the tag against {@link ClimateTag#TAGS}. */
    final class Validator implements ConstraintValidator<ClimateTag, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || TAGS.contains(value.strip().toUpperCase(Locale.ROOT));
        }
    }
}
