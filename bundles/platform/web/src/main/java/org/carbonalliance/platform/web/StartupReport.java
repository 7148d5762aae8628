package org.carbonalliance.platform.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.carbonalliance.platform.api.health.HealthResult;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the launcher (and {@code bin/alliance start}) whether this start worked: once the framework has started every
 * bundle, it waits for the health to settle and writes {@code data/startup.status}: {@code ready}, {@code degraded
 * <problems of plugins>} or {@code failed <the platform's first problem>}, and logs the same as one line.
 */
@Component(immediate = true)
public class StartupReport implements FrameworkListener {

    static final String FILE_NAME = "startup.status";
    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);
    private static final long POLL_MS = 100;
    /** How long a failure must last after the framework started before it counts (a bundle may still be refreshed). */
    private static final long SETTLE_MS = 3_000;
    private static final long GIVE_UP_MS = 120_000;

    private final BundleContext context;
    private final PlatformHealth health;
    private volatile Thread watcher;

    @Activate
    public StartupReport(BundleContext context, @Reference PlatformHealth health) {
        this.context = context;
        this.health = health;
        context.addFrameworkListener(this);
        if (context.getBundle(0).getState() == Bundle.ACTIVE) {
            watch();
        }
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.STARTED) {
            watch();
        }
    }

    private synchronized void watch() {
        if (watcher == null) {
            watcher = new Thread(this::awaitVerdict, "alliance-startup-report");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    @Deactivate
    void stop() {
        context.removeFrameworkListener(this);
        Thread thread = watcher;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void awaitVerdict() {
        long start = System.currentTimeMillis();
        long problemSince = -1;
        try {
            while (true) {
                PlatformHealth.Report report = health.report();
                long now = System.currentTimeMillis();
                if (report.isUp()) {
                    publish("ready", null);
                    return;
                }
                if (now - start >= GIVE_UP_MS) {
                    publishProblems(report, true);
                    return;
                }
                // Waiting components may still be satisfied (a slow migration, a late configuration); only failures
                // that cannot heal by waiting end the start early.
                if (!report.hasFailures()) {
                    problemSince = -1;
                } else if (problemSince < 0) {
                    problemSince = now;
                } else if (now - problemSince >= SETTLE_MS) {
                    publishProblems(report, false);
                    return;
                }
                Thread.sleep(POLL_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publishProblems(PlatformHealth.Report report, boolean gaveUp) {
        if (report.status().equals("STARTING")) {
            publish("failed", "the HTTP server did not start within " + GIVE_UP_MS / 1000 + " s (is the port "
                    + port() + " free?); see data/log/alliance.log");
            return;
        }
        List<String> platform = gaveUp ? report.platformProblems() : report.platformFailures();
        report.checks().forEach((name, result) -> {
            if (result.status() == HealthResult.Status.DOWN) {
                platform.add(0, name + ": " + result.message());
            }
        });
        if (!platform.isEmpty()) {
            publish("failed", platform.get(0));
            return;
        }
        List<String> plugins = new ArrayList<>();
        report.checks().forEach((name, result) -> {
            if (result.status() != HealthResult.Status.UP) {
                plugins.add(name + ": " + result.message());
            }
        });
        for (List<PlatformHealth.Problem> list : List.of(report.failedComponents(), report.failingBundles(),
                report.unsatisfiedComponents())) {
            list.forEach(problem -> plugins.add(problem.text()));
        }
        publish("degraded", String.join("; ", plugins));
    }

    private String port() {
        String port = context.getProperty("org.osgi.service.http.port");
        return port == null ? "8080" : port;
    }

    private void publish(String verdict, String detail) {
        String line = detail == null ? verdict : verdict + " " + detail.replaceAll("\\s+", " ");
        switch (verdict) {
            case "ready" -> LOG.info("Carbon Alliance Platform {} is ready: API at http://localhost:{}/api, console at "
                    + "http://localhost:{}/system/console", context.getProperty("alliance.version"), port(), port());
            case "degraded" -> LOG.warn("Carbon Alliance Platform started with problems in plugins: {}", detail);
            default -> LOG.error("Carbon Alliance Platform could not start: {}", detail);
        }
        String data = context.getProperty("alliance.data");
        if (data == null) {
            return;
        }
        try {
            Path file = Path.of(data, FILE_NAME);
            Path temporary = Path.of(data, FILE_NAME + ".tmp");
            Files.writeString(temporary, line + System.lineSeparator());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not write {} for the launcher: {}", FILE_NAME, e.getMessage());
        }
    }
}
