package org.carbonalliance.platform.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class PlatformHealthTest {

    @Test
    public void theInnermostCauseIsReportedWithoutItsClassName() {
        String failure = "org.osgi.service.component.ComponentException: activation failed\n"
                + "\tat org.apache.felix.scr.impl.X.y(X.java:1)\n"
                + "Caused by: java.lang.reflect.InvocationTargetException\n"
                + "Caused by: java.lang.IllegalArgumentException: ALLIANCE_ADMIN_PASSWORD must have at least 12 "
                + "characters; no operator account was created.\n\tat a.b.C.d(C.java:2)";
        assertEquals("ALLIANCE_ADMIN_PASSWORD must have at least 12 characters; no operator account was created.",
                PlatformHealthImpl.rootCause(failure));
    }

    @Test
    public void aFailureWithoutCausesGivesItsFirstLine() {
        assertEquals("activation failed: no database", PlatformHealthImpl.rootCause(
                "java.lang.IllegalStateException: activation failed: no database\n\tat a.b(C.java:1)"));
        assertEquals("unknown cause", PlatformHealthImpl.rootCause(null));
    }

    @Test
    public void failuresThatFollowFromAnotherAreNotTheCause() {
        assertTrue(PlatformHealth.isConsequence("Unable to get service for reference $000 (component x.UsersServlet)"));
        assertFalse(PlatformHealth.isConsequence("ALLIANCE_ADMIN_PASSWORD must have ... (component x.Accounts)"));
    }
}
