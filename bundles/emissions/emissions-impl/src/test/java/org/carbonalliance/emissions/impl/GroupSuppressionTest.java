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
                "tech", new String[] { "e", "f", "g", "h" }, "glass", new String[] { "i", "j" }), 3);
        assertEquals(Set.of("cement", "tech"), Set.of(visible.keySet().stream().filter(k -> k != null)
                .toArray(String[]::new)));
        assertEquals(Set.of("d", "i", "j"), visible.get(null));
    }

    @Test
    public void aSmallRestHidesTheSmallestShownGroupToo() {
        // steel (1 member) alone would be total - cement - tech: cement (the smallest shown) joins the rest.
        Map<String, Set<String>> visible = GroupSuppression.visible(groups(
                "cement", new String[] { "a", "b", "c" }, "steel", new String[] { "d" },
                "tech", new String[] { "e", "f", "g", "h" }), 3);
        assertFalse(visible.containsKey("cement"));
        assertFalse(visible.containsKey("steel"));
        assertTrue(visible.containsKey("tech"));
        assertEquals(Set.of("a", "b", "c", "d"), visible.get(null));
    }

    @Test
    public void nothingIsShownWhenEverythingIsSmall() {
        Map<String, Set<String>> visible = GroupSuppression.visible(groups("cement", new String[] { "a" },
                "steel", new String[] { "b" }), 3);
        assertTrue(visible.isEmpty());
    }

    @Test
    public void noRestWhenAllGroupsAreLarge() {
        Map<String, Set<String>> visible = GroupSuppression.visible(groups("cement", new String[] { "a", "b", "c" },
                "tech", new String[] { "d", "e", "f" }), 3);
        assertEquals(2, visible.size());
        assertFalse(visible.containsKey(null));
    }
}
