package org.carbonalliance.emissions.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which breakdown groups may be shown. Only members who did not agree to be named count ("private" members); a
 * figure is safe when it covers none of them or at least {@code k}. Groups that are not safe are hidden; when the
 * hidden ones together are not safe either (total minus the shown groups would reveal them), the smallest shown
 * groups are hidden too, until the merged rest ("other") is safe or nothing is shown.
 */
final class GroupSuppression {

    private GroupSuppression() {
    }

    /** @return whether a figure over {@code members} reveals no private member */
    static <M> boolean safe(Set<M> members, Predicate<M> isPrivate, int k) {
        long privates = members.stream().filter(isPrivate).count();
        return privates == 0 || privates >= k;
    }

    /**
     * @param members group name to its members
     * @return the groups to show by name, in the order given, and under {@code null} the merged rest, if any
     */
    static <M> Map<String, Set<M>> visible(Map<String, Set<M>> members, Predicate<M> isPrivate, int k) {
        List<String> shown = new ArrayList<>(members.keySet().stream()
                .filter(g -> safe(members.get(g), isPrivate, k)).toList());
        shown.sort(Comparator.comparingLong((String g) -> members.get(g).stream().filter(isPrivate).count())
                .thenComparing(g -> g));
        Set<M> rest = rest(members, shown);
        while (!safe(rest, isPrivate, k) && !shown.isEmpty()) {
            shown.remove(0);
            rest = rest(members, shown);
        }
        Map<String, Set<M>> result = new LinkedHashMap<>();
        members.keySet().stream().filter(shown::contains).forEach(g -> result.put(g, members.get(g)));
        if (!rest.isEmpty() && safe(rest, isPrivate, k)) {
            result.put(null, rest);
        }
        return result;
    }

    private static <M> Set<M> rest(Map<String, Set<M>> members, List<String> shown) {
        Set<M> rest = new HashSet<>();
        members.forEach((g, m) -> {
            if (!shown.contains(g)) {
                rest.addAll(m);
            }
        });
        return rest;
    }
}
