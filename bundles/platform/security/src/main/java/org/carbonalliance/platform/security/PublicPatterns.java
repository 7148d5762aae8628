package org.carbonalliance.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The servlet patterns (relative to /api) of every servlet in the API context, public or not. A path is public when
 * the most specific pattern that would serve it ({@code /x} exact before {@code /x/*}, longer prefixes before
 * shorter) belongs to public servlets only: a protected servlet registered below a public one stays protected.
 */
final class PublicPatterns {

    /** How many public and how many protected servlets registered one pattern. */
    private record Count(int open, int closed) {
        Count plus(boolean isPublic, int delta) {
            return isPublic ? new Count(open + delta, closed) : new Count(open, closed + delta);
        }
    }

    private final Map<String, Count> patterns = new ConcurrentHashMap<>();

    void add(Collection<String> more, boolean isPublic) {
        more.forEach(p -> patterns.merge(p, new Count(0, 0).plus(isPublic, 1), (a, b) -> a.plus(isPublic, 1)));
    }

    void remove(Collection<String> gone, boolean isPublic) {
        gone.forEach(p -> patterns.computeIfPresent(p, (key, count) -> {
            Count left = count.plus(isPublic, -1);
            return left.open() <= 0 && left.closed() <= 0 ? null : left;
        }));
    }

    boolean matches(String path) {
        String best = null;
        for (String pattern : patterns.keySet()) {
            if (serves(pattern, path) && (best == null || moreSpecific(pattern, best))) {
                best = pattern;
            }
        }
        Count count = best == null ? null : patterns.get(best);
        return count != null && count.open() > 0 && count.closed() == 0;
    }

    private static boolean serves(String pattern, String path) {
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
        return pattern.equals(path);
    }

    /** Servlet rules: an exact pattern beats a prefix; a longer prefix beats a shorter one. */
    private static boolean moreSpecific(String a, String b) {
        boolean exactA = !a.endsWith("/*");
        boolean exactB = !b.endsWith("/*");
        if (exactA != exactB) {
            return exactA;
        }
        return a.length() > b.length();
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
