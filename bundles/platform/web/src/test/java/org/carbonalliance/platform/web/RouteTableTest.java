package org.carbonalliance.platform.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carbonalliance.platform.api.rest.Access;
import org.carbonalliance.platform.api.rest.Operation;
import org.junit.Test;

public class RouteTableTest {

    private static Operation op(Operation.Builder builder) {
        return builder.summary("test").access(Access.PUBLIC).handle(call -> null);
    }

    private final RouteTable routes = new RouteTable(List.of(
            op(Operation.get("")), op(Operation.post("")),
            op(Operation.get("/{id}")), op(Operation.delete("/{id}")),
            op(Operation.post("/{id}/approve")), op(Operation.get("/mine"))));

    @Test
    public void pathParametersAreParsed() {
        RouteTable.Lookup lookup = routes.find("POST", "/a1b2/approve");
        assertEquals("/{id}/approve", lookup.match().orElseThrow().operation().path());
        assertEquals(Map.of("id", "a1b2"), lookup.match().orElseThrow().parameters());
    }

    @Test
    public void literalSegmentsWinOverParameters() {
        assertEquals("/mine", routes.find("GET", "/mine").match().orElseThrow().operation().path());
        assertEquals("/{id}", routes.find("GET", "/other").match().orElseThrow().operation().path());
    }

    @Test
    public void theCollectionMatchesWithOrWithoutTrailingSlash() {
        assertEquals("", routes.find("GET", "").match().orElseThrow().operation().path());
        assertEquals("", routes.find("GET", "/").match().orElseThrow().operation().path());
    }

    @Test
    public void aKnownPathWithAnotherMethodListsWhatIsAllowed() {
        RouteTable.Lookup lookup = routes.find("PUT", "/x");
        assertFalse(lookup.match().isPresent());
        assertEquals(Set.of("GET", "HEAD", "DELETE", "OPTIONS"), lookup.allowed());
    }

    @Test
    public void unknownPathsAllowNothing() {
        assertTrue(routes.find("GET", "/x/y/z").allowed().isEmpty());
        assertTrue(routes.find("GET", "//approve").allowed().isEmpty());
    }

    @Test
    public void aLessSpecificTemplateNeverServesAnotherOnesPath() {
        RouteTable.Lookup lookup = routes.find("DELETE", "/mine");
        assertFalse("DELETE /{id} must not delete 'mine'", lookup.match().isPresent());
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), lookup.allowed());
        RouteTable ambiguous = new RouteTable(List.of(op(Operation.post("/{id}/approve")),
                op(Operation.post("/batch/{x}"))));
        assertEquals("the literal comes first", "/batch/{x}",
                ambiguous.find("POST", "/batch/approve").match().orElseThrow().operation().path());
    }

    @Test
    public void headIsServedByGet() {
        assertEquals("GET", routes.find("HEAD", "/x").match().orElseThrow().operation().method());
    }

    @Test
    public void operationIdsAreDerivedFromMethodAndPath() {
        assertEquals("getMembershipApplicationsById",
                OperationDocs.operationId("GET", "/api/membership/applications/{id}"));
        assertEquals("postMembershipApplicationsByIdStartReview",
                OperationDocs.operationId("POST", "/api/membership/applications/{id}/start-review"));
    }
}
