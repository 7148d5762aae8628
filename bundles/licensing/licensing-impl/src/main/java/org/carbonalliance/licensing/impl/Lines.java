package org.carbonalliance.licensing.impl;

import java.util.Arrays;
import java.util.List;

/** Lists stored one item per line. */
final class Lines {

    private Lines() {
    }

    static String of(List<String> items) {
        return items == null ? "" : String.join("\n", items);
    }

    static List<String> items(String lines) {
        return lines == null || lines.isEmpty() ? List.of() : Arrays.asList(lines.split("\n"));
    }
}
