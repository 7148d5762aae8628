package org.carbonalliance.platform.features.plugins;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import org.carbonalliance.platform.features.plugins.ManifestHeader.Clause;
import org.junit.Test;

public class ManifestHeaderTest {

    @Test
    public void quotedValuesKeepTheirCommasAndSemicolons() {
        List<Clause> clauses = ManifestHeader.parse("a.b;version=\"[1.0,2)\";resolution:=optional, c.d ;e.f;"
                + "uses:=\"x,y;z\"");
        assertEquals(2, clauses.size());
        assertEquals(List.of("a.b"), clauses.get(0).paths());
        assertEquals(Map.of("version", "[1.0,2)"), clauses.get(0).attributes());
        assertEquals(Map.of("resolution", "optional"), clauses.get(0).directives());
        assertEquals(List.of("c.d", "e.f"), clauses.get(1).paths());
        assertEquals("x,y;z", clauses.get(1).directives().get("uses"));
    }

    @Test
    public void typedListAttributesGiveEachValue() {
        Clause clause = ManifestHeader.parse("osgi.service;objectClass:List<String>=\"a.A, b.B\";uses:=\"a\"").get(0);
        assertEquals(List.of("a.A", "b.B"), clause.values("objectClass"));
        assertEquals("List<String>", clause.types().get("objectClass"));
        Clause single = ManifestHeader.parse("osgi.service;objectClass=a.A").get(0);
        assertEquals(List.of("a.A"), single.values("objectClass"));
        assertEquals(List.of(), single.values("missing"));
    }

    @Test
    public void escapedQuotesAndEmptyHeaders() {
        assertEquals("say \"hi\"", ManifestHeader.parse("x;note=\"say \\\"hi\\\"\"").get(0).attributes().get("note"));
        assertEquals(List.of(), ManifestHeader.parse(null));
        assertEquals(List.of(), ManifestHeader.parse("  "));
        assertEquals(1, ManifestHeader.parse("a.b,").size());
    }
}
