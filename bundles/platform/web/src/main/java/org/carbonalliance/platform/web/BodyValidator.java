package org.carbonalliance.platform.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Jakarta Bean Validation of request bodies with Hibernate Validator, bootstrapped for OSGi: the provider named
 * directly (the default lookup finds none here), messages interpolated without an expression language (so no EL
 * injection either), and no JPA probing of properties.
 */
final class BodyValidator implements AutoCloseable {

    private final ValidatorFactory factory;
    private final Validator validator;

    BodyValidator() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(BodyValidator.class.getClassLoader());
        try {
            factory = Validation.byProvider(HibernateValidator.class).configure()
                    .messageInterpolator(new ParameterMessageInterpolator(Set.of(Locale.ROOT), Locale.ROOT, true))
                    .traversableResolver(new AlwaysTraversable())
                    .buildValidatorFactory();
            validator = factory.getValidator();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** @return one "field: problem" line per violation, sorted; empty when {@code body} is valid */
    List<String> problems(Object body) {
        return validator.validate(body).stream()
                .map(BodyValidator::line)
                .sorted()
                .toList();
    }

    /** {@code areas[1].<list element>} becomes {@code areas: item 2: <message>}, so every line starts with a field. */
    static String line(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        Integer index = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getIndex() != null) {
                index = node.getIndex();
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(node.getName());
            }
        }
        return (field.length() == 0 ? "body" : field) + ": " + (index == null ? "" : "item " + (index + 1) + ": ")
                + violation.getMessage();
    }

    @Override
    public void close() {
        factory.close();
    }

    /** Every property may be read: request records are plain values, not JPA entities. */
    private static final class AlwaysTraversable implements TraversableResolver {
        @Override
        public boolean isReachable(Object object, Path.Node node, Class<?> type, Path path, ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object object, Path.Node node, Class<?> type, Path path, ElementType elementType) {
            return true;
        }
    }
}
