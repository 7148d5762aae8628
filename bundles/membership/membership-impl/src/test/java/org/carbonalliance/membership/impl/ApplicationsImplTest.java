package org.carbonalliance.membership.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.carbonalliance.membership.api.ApplicationForm;
import org.carbonalliance.membership.api.ApplicationState;
import org.carbonalliance.membership.api.Finding;
import org.carbonalliance.membership.api.MembershipEvents;
import org.carbonalliance.membership.api.OnboardingCheck;
import org.carbonalliance.platform.api.security.Invitation;
import org.junit.After;
import org.junit.Test;

/** The application workflow without Felix: the real migrations and transactions on H2, doubles for the rest. */
public class ApplicationsImplTest {

    private final MembershipFixture fixture = new MembershipFixture();
    private final ApplicationsImpl applications = fixture.applications;

    @After
    public void close() {
        fixture.close();
    }

    @Test
    public void approvalAdmitsTheMemberInvitesTheContactAndTellsOthers() {
        Applications.Submitted submitted = applications.submit(MembershipFixture.form("Tencent", "wang@tencent.example"));
        assertTrue(Applications.tokenMatches(submitted.application(), submitted.statusToken()));
        Invitation invitation = applications.approve(submitted.application().id());
        assertEquals("wang@tencent.example", invitation.email());
        assertEquals(ApplicationState.APPROVED, applications.find(submitted.application().id()).orElseThrow().state());
        assertEquals(invitation.tenantId(), fixture.members.find(invitation.tenantId()).orElseThrow().tenantId());
        assertEquals(List.of(MembershipEvents.APPROVED), fixture.topics());
        assertTrue(fixture.audit.actions().contains("membership.application-approved"));
    }

    @Test
    public void aContactWithAnAccountLeavesNothingBehind() {
        fixture.identity.existingAccount("shared@example.org", "t-other");
        Applications.Submitted submitted = applications.submit(MembershipFixture.form("Ant Group", "shared@example.org"));
        String id = submitted.application().id();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> applications.approve(id));
        assertTrue(refused.getMessage(), refused.getMessage().contains("shared@example.org already has an account"));
        assertEquals("still open", ApplicationState.SUBMITTED, applications.find(id).orElseThrow().state());
        assertEquals("no member row", List.of(), fixture.members.list(true));
        assertEquals("no event", List.of(), fixture.topics());
        assertTrue("no approval audited", !fixture.audit.actions().contains("membership.application-approved"));
    }

    @Test
    public void decisionsNeedTheRightState() {
        String id = applications.submit(MembershipFixture.form("Baidu", "li@baidu.example")).application().id();
        applications.reject(id, "Not working toward carbon neutrality.");
        assertThrows(IllegalStateException.class, () -> applications.approve(id));
        assertThrows(IllegalStateException.class, () -> applications.startReview(id));
        assertThrows(Applications.NotFound.class, () -> applications.startReview("no-such-application"));
        assertEquals(List.of(MembershipEvents.REJECTED), fixture.topics());
    }

    @Test
    public void aCheckThatHangsOrThrowsBecomesAWarningAndTheApplicationIsAccepted() {
        CountDownLatch release = new CountDownLatch(1);
        applications.addCheck(new OnboardingCheck() {
            @Override
            public String name() {
                return "hangs";
            }

            @Override
            public List<Finding> check(ApplicationForm form) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of(Finding.pass(name(), "too late"));
            }
        });
        applications.addCheck(new OnboardingCheck() {
            @Override
            public String name() {
                throw new IllegalStateException("no name");
            }

            @Override
            public List<Finding> check(ApplicationForm form) {
                throw new AssertionError("broken on purpose");
            }
        });
        try {
            long start = System.nanoTime();
            Application submitted = applications.submit(MembershipFixture.form("Kuaishou", "k@kuaishou.example"))
                    .application();
            long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertTrue("answered in " + seconds + " s", seconds < 9);
            String findings = submitted.findings();
            assertTrue(findings, findings.contains("\"check\":\"hangs\"") && findings.contains("\"WARNING\"")
                    && findings.contains("This check did not finish within 5 s"));
            assertTrue(findings, findings.contains("failed to run (java.lang.AssertionError: broken on purpose)"));
            assertTrue(findings, !findings.contains("too late"));
            assertEquals(ApplicationState.SUBMITTED, applications.find(submitted.id()).orElseThrow().state());
            assertEquals(fixture.pluginCalls.problems().toString(), 3, fixture.pluginCalls.problems().size());
        } finally {
            release.countDown();
        }
    }

    @Test
    public void duplicatesAreFlaggedNotRefused() {
        applications.submit(MembershipFixture.form("Meituan", "a@meituan.example"));
        Application second = applications.submit(MembershipFixture.form("Meituan", "b@meituan.example")).application();
        assertTrue(second.findings(), second.findings().contains("\"FAIL\""));
    }
}
