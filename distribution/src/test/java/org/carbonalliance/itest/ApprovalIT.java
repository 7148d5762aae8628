package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.inject.Inject;
import org.carbonalliance.platform.api.audit.AuditLog;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Approval creates tenant, invitation, member and decision all together or not at all, and exactly once. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApprovalIT extends PlatformTestSupport {

    private static final String APPS = "/api/membership/applications";
    private static final String JSON_TYPE = "application/json";

    @Inject
    private AuditLog audit;

    private String submit(Http http, String name, String email) throws Exception {
        Http.Response submitted = http.post(APPS, null, JSON_TYPE, MembershipIT.application(name, "REG-" + name.length()
                + name.hashCode(), email));
        assertEquals(submitted.body(), 201, submitted.status());
        return json(submitted).get("id").asText();
    }

    private long auditCount(String action) {
        return audit.recent(1000).stream().filter(r -> r.action().equals(action)).count();
    }

    private int members(Http http) throws Exception {
        return json(http.get("/api/membership/members")).get("items").size();
    }

    @Test
    public void aContactWithAnAccountIsAClearConflictAndLeavesNothingBehind() throws Exception {
        Http http = http();
        http.poll(APPS, operator(), r -> r.status() == 200, Duration.ofSeconds(30));
        String first = submit(http, "Alibaba Cloud (approval test)", "contact@shared.example");
        assertEquals(200, http.post(APPS + "/" + first + "/approve", operator(), JSON_TYPE, "").status());
        long tenants = auditCount("identity.tenant-created");
        int members = members(http);

        String second = submit(http, "Ant Group (approval test)", "contact@shared.example");
        for (int attempt = 0; attempt < 2; attempt++) {
            Http.Response refused = http.post(APPS + "/" + second + "/approve", operator(), JSON_TYPE, "");
            assertEquals(refused.body(), 409, refused.status());
            assertTrue(refused.body(), refused.body().contains("contact@shared.example already has an account"));
        }
        assertEquals("still open for a decision", "submitted",
                json(http.get(APPS + "/" + second, operator())).get("state").asText());
        assertEquals("no orphan tenant", tenants, auditCount("identity.tenant-created"));
        assertEquals("no member", members, members(http));
        assertEquals("an unknown application is a 404, not an error", 404,
                http.post(APPS + "/no-such-application/approve", operator(), JSON_TYPE, "").status());
        assertEquals(404, http.post(APPS + "/no-such-application/start-review", operator(), JSON_TYPE, "").status());
    }

    @Test
    public void concurrentApprovalsOfOneApplicationSucceedExactlyOnce() throws Exception {
        Http http = http();
        http.poll(APPS, operator(), r -> r.status() == 200, Duration.ofSeconds(30));
        String id = submit(http, "Meituan (concurrency test)", "contact@meituan-concurrency.example");
        long tenants = auditCount("identity.tenant-created");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Http.Response>> approvals = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                approvals.add(() -> http.post(APPS + "/" + id + "/approve", operator(), JSON_TYPE, ""));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Http.Response> answer : pool.invokeAll(approvals)) {
                statuses.add(answer.get().status());
            }
            assertEquals(statuses.toString(), 1, statuses.stream().filter(s -> s == 200).count());
            assertEquals(statuses.toString(), 3, statuses.stream().filter(s -> s == 409).count());
        } finally {
            pool.shutdown();
        }
        assertEquals("one tenant", tenants + 1, auditCount("identity.tenant-created"));
        assertEquals("approved", json(http.get(APPS + "/" + id, operator())).get("state").asText());
    }
}
