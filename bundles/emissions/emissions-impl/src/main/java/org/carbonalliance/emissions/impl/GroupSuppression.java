package org.carbonalliance.emissions.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which breakdown groups may be shown: only those of at least {@code k} members; and when the hidden ones together
 * have fewer than {@code k} members (so total minus the shown groups would reveal them), the smallest shown groups are
 * hidden too, until the hidden rest ("other") has at least {@code k} members or nothing is shown.
 */
final class GroupSuppression {

    private GroupSuppression() {
    }

    /**
     * @param members group name to its members
     * @return the groups to show by name, in the order given, and under {@code null} the merged rest, if any
     */
    static <M> Map<String, Set<M>> visible(Map<String, Set<M>> members, int k) {
        List<String> shown = new ArrayList<>(members.keySet().stream().filter(g -> members.get(g).size() >= k)
                .toList());
        int hidden = members.values().stream().mapToInt(Set::size).sum()
                - shown.stream().mapToInt(g -> members.get(g).size()).sum();
        shown.sort(Comparator.comparingInt((String g) -> members.get(g).size()).thenComparing(g -> g));
        while (hidden > 0 && hidden < k && !shown.isEmpty()) {
            hidden += members.get(shown.remove(0)).size();
        }
        Map<String, Set<M>> result = new LinkedHashMap<>();
        members.keySet().stream().filter(shown::contains).forEach(g -> result.put(g, members.get(g)));
        if (hidden >= k) {
            Set<M> rest = new java.util.HashSet<>();
            members.forEach((g, m) -> {
                if (!shown.contains(g)) {
                    rest.addAll(m);
                }
            });
            result.put(null, rest);
        }
        return result;
    }
}
