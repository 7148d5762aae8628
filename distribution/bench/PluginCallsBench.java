import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.carbonalliance.platform.api.plugin.PluginCalls;
import org.carbonalliance.platform.web.PluginCallsImpl;

/**
 * What the time limit on plugin calls costs: the same small piece of plugin work (a SHA-256 of 1 KiB, a few
 * microseconds, about what an onboarding check or a decoder's handles() does) called directly (the baseline) and
 * through PluginCalls (a platform thread, a time limit, the bookkeeping), one caller and eight at once.
 * Usage: see plugin-calls-bench.sh. Prints the median of the runs, in microseconds per call.
 */
public class PluginCallsBench {

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        byte[] input = new byte[1024];
        Callable<byte[]> work = () -> MessageDigest.getInstance("SHA-256").digest(input);
        PluginCallsImpl guarded = new PluginCallsImpl();
        for (int threads : new int[] {1, 8}) {
            double[] direct = new double[runs];
            double[] viaPlatform = new double[runs];
            for (int r = 0; r < runs; r++) {
                direct[r] = measure(threads, calls, work::call);
                viaPlatform[r] = measure(threads, calls, () -> guarded.call(work, "bench.work", Duration.ofSeconds(1),
                        work));
            }
            System.out.printf("%d caller(s): direct %.1f us/call, through PluginCalls %.1f us/call (median of %d runs"
                    + " of %d calls each)%n", threads, median(direct), median(viaPlatform), runs, calls);
        }
        guarded.stop();
    }

    private interface Work {
        Object run() throws Exception;
    }

    /** @return microseconds per call, wall clock over all threads' calls */
    private static double measure(int threads, int calls, Work work) throws Exception {
        Thread[] workers = new Thread[threads];
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                try {
                    for (int i = 0; i < calls / threads; i++) {
                        work.run();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return (System.nanoTime() - start) / 1000.0 / calls;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
