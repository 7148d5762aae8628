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
import org.carbonalliance.platform.api.web.PlainText;

/**
 * Text others will read (names, titles): no control characters and no bidirectional overrides; with
 * {@code multiline = true}, tabs and line breaks are allowed (long texts). Null passes. See {@link PlainText}.
 */
@Documented
@Constraint(validatedBy = SingleLine.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

    String message() default "contains a control or bidirectional override character";

    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link PlainText#problem} and reports its exact finding. */
    final class Validator implements ConstraintValidator<SingleLine, String> {
        private boolean multiline;

        @Override
        public void initialize(SingleLine annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return PlainText.problem(value, multiline).map(problem -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$"))
                        .addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
