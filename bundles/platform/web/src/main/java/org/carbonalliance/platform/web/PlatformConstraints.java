package org.carbonalliance.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.carbonalliance.platform.api.validation.ClimateTag;
import org.carbonalliance.platform.api.validation.Country;
import org.carbonalliance.platform.api.validation.WebAddress;

/**
 * Adds what the platform's custom constraints mean to generated schemas: {@link Country} as a two-letter pattern,
 * {@link ClimateTag} as an enum (also on list items), {@link WebAddress} as a URI, so clients see the same rules the
 * server checks.
 */
final class PlatformConstraints {

    static final String COUNTRY_PATTERN = "^[A-Za-z]{2}$";

    private PlatformConstraints() {
    }

    /** @param schemas the generated schemas, keyed by name; the one of {@code type} (a record) gets amended */
    @SuppressWarnings("unchecked")
    static void describe(Class<?> type, Map<String, Object> schemas) {
        if (!type.isRecord() || !(schemas.get(RecordSchemas.name(type)) instanceof Map<?, ?> schema)
                || !(schema.get("properties") instanceof Map<?, ?> properties)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (!(properties.get(component.getName()) instanceof Map<?, ?> property)) {
                continue;
            }
            Map<String, Object> target = (Map<String, Object>) property;
            amend(component.getAnnotatedType(), component, target);
            if (component.getAnnotatedType() instanceof AnnotatedParameterizedType list
                    && target.get("items") instanceof Map<?, ?> items) {
                amend(list.getAnnotatedActualTypeArguments()[0], null, (Map<String, Object>) items);
            }
        }
    }

    private static void amend(AnnotatedType annotated, RecordComponent component, Map<String, Object> property) {
        if (has(Country.class, annotated, component)) {
            property.put("pattern", COUNTRY_PATTERN);
            property.put("description", "ISO 3166-1 alpha-2 country code, such as CN or DE");
        }
        if (has(WebAddress.class, annotated, component)) {
            property.put("format", "uri");
            property.put("pattern", "^https?://");
        }
        if (has(ClimateTag.class, annotated, component)) {
            property.put("enum", List.copyOf(new TreeSet<>(ClimateTag.TAGS)));
            property.put("description", "CPC climate tag");
        }
    }

    /** On the type (a list element) or, for the component itself, on the record component. */
    private static boolean has(Class<? extends Annotation> constraint, AnnotatedType annotated,
            RecordComponent component) {
        return annotated.isAnnotationPresent(constraint)
                || (component != null && component.isAnnotationPresent(constraint));
    }
}
