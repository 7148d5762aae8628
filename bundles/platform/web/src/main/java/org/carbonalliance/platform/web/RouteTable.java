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
 * {@code {name}} matches one non-empty segment. Literal matches win over parameters ({@code /keys/mine} before
 * {@code /keys/{id}}).
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
        List<Operation> sorted = new ArrayList<>(operations);
        // Fewer parameters first: a literal segment is more specific than a parameter.
        sorted.sort((a, b) -> Long.compare(parameterCount(a.path()), parameterCount(b.path())));
        this.operations = sorted;
    }

    private static long parameterCount(String template) {
        return template.chars().filter(c -> c == '{').count();
    }

    /** @param path the decoded path below the base ("" or "/..."), as the container gives it */
    Lookup find(String method, String path) {
        String[] segments = split(path);
        Set<String> allowed = new LinkedHashSet<>();
        Match found = null;
        for (Operation operation : operations) {
            Map<String, String> parameters = match(split(operation.path()), segments);
            if (parameters == null) {
                continue;
            }
            allowed.add(operation.method());
            if (operation.method().equals("GET")) {
                allowed.add("HEAD");
            }
            boolean sameMethod = operation.method().equals(method)
                    || (method.equals("HEAD") && operation.method().equals("GET"));
            if (found == null && sameMethod) {
                found = new Match(operation, parameters);
            }
        }
        if (!allowed.isEmpty()) {
            allowed.add("OPTIONS");
        }
        return new Lookup(Optional.ofNullable(found), allowed);
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
