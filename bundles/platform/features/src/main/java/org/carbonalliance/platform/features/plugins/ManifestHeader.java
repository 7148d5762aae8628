package org.carbonalliance.platform.features.plugins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OSGi manifest header (Import-Package, Provide-Capability ...) split into its clauses as OSGi Core 3.2.4 writes
 * them: {@code path;path;name=value;name:Type=value;name:=directive, ...}, where a quoted value may hold commas and
 * semicolons.
 */
final class ManifestHeader {

    /**
     * One clause.
     *
     * @param paths      the clause's paths (package names, a namespace, a symbolic name)
     * @param attributes attribute values by name (a typed attribute's type is in {@code types})
     * @param types      the declared types of typed attributes ({@code List<String>} ...), by name
     * @param directives directive values by name
     */
    record Clause(List<String> paths, Map<String, String> attributes, Map<String, String> types,
            Map<String, String> directives) {

        /** @return the attribute's values: several when it is declared a {@code List}, else one; empty if absent */
        List<String> values(String name) {
            String value = attributes.get(name);
            if (value == null) {
                return List.of();
            }
            String type = types.getOrDefault(name, "");
            if (!type.startsWith("List")) {
                return List.of(value);
            }
            List<String> values = new ArrayList<>();
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    values.add(item.strip());
                }
            }
            return values;
        }
    }

    private ManifestHeader() {
    }

    /** @return the clauses of {@code header}; none when it is null or blank */
    static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String text : split(header, ',')) {
            if (text.isBlank()) {
                continue;
            }
            List<String> paths = new ArrayList<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, String> types = new LinkedHashMap<>();
            Map<String, String> directives = new LinkedHashMap<>();
            for (String part : split(text, ';')) {
                int equals = indexOutsideQuotes(part, '=');
                if (equals < 0) {
                    if (!part.isBlank()) {
                        paths.add(part.strip());
                    }
                } else if (equals > 0 && part.charAt(equals - 1) == ':') {
                    directives.put(part.substring(0, equals - 1).strip(), unquote(part.substring(equals + 1)));
                } else {
                    String key = part.substring(0, equals).strip();
                    int colon = key.indexOf(':');
                    String name = colon < 0 ? key : key.substring(0, colon).strip();
                    if (colon >= 0) {
                        types.put(name, key.substring(colon + 1).strip());
                    }
                    attributes.put(name, unquote(part.substring(equals + 1)));
                }
            }
            clauses.add(new Clause(List.copyOf(paths), attributes, types, directives));
        }
        return clauses;
    }

    /** Splits at {@code separator} where it stands outside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static int indexOutsideQuotes(String text, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String raw) {
        String value = raw.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return value;
    }
}
