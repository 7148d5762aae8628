package org.carbonalliance.emissions.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/** Small roll-up groups never show, and the total minus the shown groups never reveals a small one. */
public class GroupSuppressionTest {

    private static Map<String, Set<String>> groups(Object... nameThenMembers) {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        for (int i = 0; i < nameThenMembers.length; i += 2) {
            groups.put((String) nameThenMembers[i], Set.of((String[]) nameThenMembers[i + 1]));
        }
        return groups;
    }

    @Test
    public void groupsOfAtLeastKShowAndTheRestMergesWhenItIsLargeEnough() {
        Map<String, Set<String>> visible = GroupSuppression.visible(groups(
                "cement", new String[] { "a", "b", "c" }, "steel", new String[] { "d" },
                "tech", new String[] { "e", "f", "g", "h" }, "glass", new String[] { "i", "j" }), m -> true, 3);
        assertEquals(Set.of("cement", "tech"), Set.of(visible.keySet().stream().filter(k -> k != null)
                .toArray(String[]::new)));
        assertEquals(Set.of("d", "i", "j"), visible.get(null));
    }

    @Test
    public void aSmallRestHidesTheSmallestShownGroupToo() {
        // steel (1 member) alone would be total - cement - tech: cement (the smallest shown) joins the rest.
        Map<String, Set<String>> visible = GroupSuppression.visible(groups(
                "cement", new String[] { "a", "b", "c" }, "steel", new String[] { "d" },
                "tech", new String[] { "e", "f", "g", "h" }), m -> true, 3);
        assertFalse(visible.containsKey("cement"));
        assertFalse(visible.containsKey("steel"));
        assertTrue(visible.containsKey("tech"));
        assertEquals(Set.of("a", "b", "c", "d"), visible.get(null));
    }

    @Test
    public void nothingIsShownWhenEverythingIsSmall() {
        Map<String, Set<String>> visible = GroupSuppression.visible(groups("cement", new String[] { "a" },
                "steel", new String[] { "b" }), m -> true, 3);
        assertTrue(visible.isEmpty());
    }

    @Test
    public void namedMembersDoNotCountTowardTheMinimum() {
        // a and b agreed to be named: tech's figure minus theirs would be c's alone.
        Map<String, Set<String>> visible = GroupSuppression.visible(groups("tech", new String[] { "a", "b", "c" },
                "cement", new String[] { "d", "e", "f" }), m -> !Set.of("a", "b").contains(m), 3);
        assertFalse(visible.containsKey("tech"));
        // The rest would be tech alone, which year total minus cement reveals: cement joins it.
        assertFalse(visible.containsKey("cement"));
        assertEquals(6, visible.get(null).size());
        assertTrue(GroupSuppression.safe(Set.of("a", "b"), m -> !Set.of("a", "b").contains(m), 3));
    }

    @Test
    public void noRestWhenAllGroupsAreLarge() {
        Map<String, Set<String>> visible = GroupSuppression.visible(groups("cement", new String[] { "a", "b", "c" },
                "tech", new String[] { "d", "e", "f" }), m -> true, 3);
        assertEquals(2, visible.size());
        assertFalse(visible.containsKey(null));
    }
}
