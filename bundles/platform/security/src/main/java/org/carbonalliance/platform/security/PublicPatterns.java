package org.carbonalliance.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The servlet patterns (relative to /api) that need no login, collected from servlets registered as public.
 * Patterns follow the servlet rules: {@code /x} exact, {@code /x/*} the path and everything below it.
 */
final class PublicPatterns {

    private final Set<String> patterns = ConcurrentHashMap.newKeySet();

    void add(Collection<String> more) {
        patterns.addAll(more);
    }

    void remove(Collection<String> gone) {
        patterns.removeAll(gone);
    }

    boolean matches(String path) {
        for (String pattern : patterns) {
            if (pattern.endsWith("/*")) {
                String prefix = pattern.substring(0, pattern.length() - 2);
                if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                    return true;
                }
            } else if (pattern.equals(path)) {
                return true;
            }
        }
        return false;
    }

    static List<String> of(Object property) {
        if (property instanceof String s) {
            return List.of(s);
        }
        if (property instanceof String[] array) {
            return List.of(array);
        }
        if (property instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
