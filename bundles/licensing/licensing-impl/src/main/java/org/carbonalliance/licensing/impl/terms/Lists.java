package org.carbonalliance.licensing.impl.terms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Immutable copies for the records: {@code null} becomes an empty list; null elements are kept so that
 * {@link TermsValidator} can report them instead of a constructor throwing.
 */
final class Lists {

    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
