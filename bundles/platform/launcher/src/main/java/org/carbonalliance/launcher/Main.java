package org.carbonalliance.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Starts the Carbon Alliance Platform: one instance per home folder (a lock in data/ refuses a second), the framework
 * with the startup bundles, and a graceful stop on SIGTERM or Ctrl-C.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("alliance.home", ".")).toAbsolutePath().normalize();
        Path data = home.resolve("data");
        Files.createDirectories(data.resolve("log"));
        Map<String, String> props;
        try {
            props = LauncherConfig.load(home, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("Carbon Alliance: " + e.getMessage());
            System.exit(2);
            return;
        }
        FileChannel lockChannel = FileChannel.open(data.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = lockChannel.tryLock();
        if (lock == null) {
            System.err.println("Carbon Alliance is already running from " + home + "; stop it first (bin/alliance stop).");
            System.exit(1);
            return;
        }
        String host = props.get("org.apache.felix.http.host");
        String portText = props.getOrDefault("org.osgi.service.http.port", "8080").strip();
        if (!portText.matches("\\d{1,5}") || Integer.parseInt(portText) > 65535) {
            System.err.println("Carbon Alliance could not start: org.osgi.service.http.port in conf/config.properties "
                    + "must be a port number (0-65535), not '" + portText + "'.");
            System.exit(2);
            return;
        }
        Optional<String> portProblem = PortCheck.problem(host, Integer.parseInt(portText));
        if (portProblem.isPresent()) {
            System.err.println("Carbon Alliance could not start: " + portProblem.get());
            System.exit(1);
            return;
        }
        Path pidFile = data.resolve("alliance.pid");
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        StartupVerdict.clear(data);

        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(props);
        framework.init();
        int installed = StartupBundles.install(framework.getBundleContext(), home,
                StartupBundles.read(home.resolve("conf/startup.txt")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(framework, pidFile), "alliance-shutdown"));
        framework.start();
        StartupVerdict verdict = awaitVerdict(framework, data);
        String name = "Carbon Alliance Platform " + props.get("alliance.version");
        String where = "http://" + (host == null || host.equals("0.0.0.0") ? "localhost" : host) + ":"
                + props.get("org.osgi.service.http.port") + "/";
        String start = installed > 0 ? "first start, " + installed + " bundles installed" : "bundles from data/cache";
        switch (verdict.outcome()) {
            case "ready" -> System.out.println(name + " ready at " + where + " (pid " + ProcessHandle.current().pid()
                    + ", " + start + ")");
            case "degraded" -> System.out.println(name + " ready at " + where + " with problems in plugins: "
                    + verdict.detail());
            default -> {
                System.err.println(name + " could not start: " + verdict.detail());
                System.exit(1);
            }
        }
        framework.waitForStop(0);
        Files.deleteIfExists(pidFile);
        lock.release();
        lockChannel.close();
    }

    /** Waits until the platform reports how this start went, or the framework stops, or three minutes pass. */
    private static StartupVerdict awaitVerdict(Framework framework, Path data) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<StartupVerdict> verdict = StartupVerdict.read(data);
            if (verdict.isPresent()) {
                return verdict.get();
            }
            if (framework.getState() != Bundle.ACTIVE && framework.getState() != Bundle.STARTING) {
                return new StartupVerdict("failed", "the framework stopped while starting; see data/log/alliance.log");
            }
            Thread.sleep(100);
        }
        StartupVerdict timeout = new StartupVerdict("failed", "no verdict within 3 minutes (is the platform-web "
                + "bundle running?); see data/log/alliance.log");
        timeout.write(data);
        return timeout;
    }

    /** On SIGTERM or Ctrl-C: the JVM halts when the hooks end, so the pid file goes here, not after main's wait. */
    private static void stop(Framework framework, Path pidFile) {
        try {
            framework.stop();
            framework.waitForStop(30_000);
            Files.deleteIfExists(pidFile);
        } catch (Exception e) {
            System.err.println("Carbon Alliance: stopping failed: " + e);
        }
    }

}
