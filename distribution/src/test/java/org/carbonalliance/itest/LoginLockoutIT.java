package org.carbonalliance.itest;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Repeated failed logins lock the account out, even for the right password, on the API and the console. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LoginLockoutIT extends PlatformTestSupport {

    @Test
    public void fiveFailuresLockTheAccount() throws Exception {
        Http http = http();
        assertEquals(404, http.poll("/api/nothing-here", operator(), r -> r.status() == 404, Duration.ofSeconds(30))
                .status());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, http.get("/api/nothing-here", Http.basic("admin", "guess-" + i)).status());
        }
        assertEquals("locked even with the right password", 401, http.get("/api/nothing-here", operator()).status());
        assertEquals(401, http.get("/system/console/alliance", operator()).status());
    }
}
