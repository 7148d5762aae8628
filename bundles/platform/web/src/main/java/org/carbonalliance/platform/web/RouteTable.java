package org.carbonalliance.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carbonalliance.platform.api.rest.Operation;

/**
 * Finds the operation for a method and a path below the resource's base: literal segments match exactly,
 * {@code {name}} matches one non-empty segment, and the most specific template serving the path decides
 * ({@code /keys/mine} before {@code /keys/{id}}).
 */
final class RouteTable {

    /** A match: the operation and its path parameters. */
    record Match(Operation operation, Map<String, String> parameters) {
    }

    /** What a path matched: the operation for the method, if any, and every method the path allows. */
    record Lookup(Optional<Match> match, Set<String> allowed) {
    }

    private final List<Operation> operations;

    RouteTable(List<Operation> operations) {
        this.operations = List.copyOf(operations);
    }

    /**
     * @param path the decoded path below the base ("" or "/..."), as the container gives it
     * @return the operation of the most specific template that serves the path (a literal segment beats a parameter
     *         at the first place they differ), or, when that template has no operation for the method, the methods it
     *         has: a less specific template never serves another one's path
     */
    Lookup find(String method, String path) {
        String[] segments = split(path);
        String best = null;
        for (Operation operation : operations) {
            if (match(split(operation.path()), segments) != null
                    && (best == null || moreSpecific(operation.path(), best))) {
                best = operation.path();
            }
        }
        Set<String> allowed = new LinkedHashSet<>();
        Match found = null;
        for (Operation operation : operations) {
            if (!operation.path().equals(best)) {
                continue;
            }
            allowed.add(operation.method());
            if (operation.method().equals("GET")) {
                allowed.add("HEAD");
            }
            boolean sameMethod = operation.method().equals(method)
                    || (method.equals("HEAD") && operation.method().equals("GET"));
            if (sameMethod) {
                found = new Match(operation, match(split(best), segments));
            }
        }
        if (!allowed.isEmpty()) {
            allowed.add("OPTIONS");
        }
        return new Lookup(Optional.ofNullable(found), allowed);
    }

    /** Two templates of the same length that both serve a path: the first literal where the other has a parameter. */
    private static boolean moreSpecific(String a, String b) {
        String[] x = split(a);
        String[] y = split(b);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean parameterX = x[i].startsWith("{");
            boolean parameterY = y[i].startsWith("{");
            if (parameterX != parameterY) {
                return !parameterX;
            }
        }
        return false;
    }

    private static String[] split(String path) {
        return path == null || path.isEmpty() || path.equals("/") ? new String[0] : path.substring(1).split("/", -1);
    }

    private static Map<String, String> match(String[] template, String[] segments) {
        if (template.length != segments.length) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String part = template[i];
            if (part.startsWith("{") && part.endsWith("}")) {
                if (segments[i].isEmpty()) {
                    return null;
                }
                parameters.put(part.substring(1, part.length() - 1), segments[i]);
            } else if (!part.equals(segments[i])) {
                return null;
            }
        }
        return parameters;
    }
}
