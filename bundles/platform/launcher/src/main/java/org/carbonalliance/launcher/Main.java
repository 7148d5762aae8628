package org.carbonalliance.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.ServiceLoader;
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
        Path pidFile = data.resolve("alliance.pid");
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));

        Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(props);
        framework.init();
        int installed = StartupBundles.install(framework.getBundleContext(), home,
                StartupBundles.read(home.resolve("conf/startup.txt")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(framework, pidFile), "alliance-shutdown"));
        framework.start();
        System.out.println("Carbon Alliance Platform " + props.get("alliance.version") + " started (pid "
                + ProcessHandle.current().pid() + ", " + installed + " bundles installed now), HTTP port "
                + props.get("org.osgi.service.http.port"));
        framework.waitForStop(0);
        Files.deleteIfExists(pidFile);
        lock.release();
        lockChannel.close();
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
