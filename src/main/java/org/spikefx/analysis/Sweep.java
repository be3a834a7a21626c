package org.spikefx.analysis;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

import org.spikefx.engine.ModelFactory;
import org.spikefx.engine.NetworkModel;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.RunLoop;
import org.spikefx.params.NetworkParameters;

/**
 * A sweep running: every run of a {@link SweepSpec}, each a whole run of the engine through the
 * {@link RunLoop}, exactly as {@code simulate} runs it, measured by the same {@link StreamedStatistics}.
 * A fixed number of threads (one per core by default) take the runs one after another, each run on
 * one thread: cells are many and independent, so running them side by side uses the cores better
 * than splitting one run's neurons would.
 *
 * <p>Runs that share a network (the same n, p, g and seed) are queued next to each other and share
 * it: the network is built once, by the first thread to need it, and dropped when its last run is
 * done, so a sweep over g and the offset builds one network per value of g, and holds about as many
 * networks at a time as it has threads.
 *
 * <p>{@link #cancel()} interrupts the threads, which stop within a step; {@link #await()} returns
 * only once every thread of the sweep has ended, so a cancelled sweep leaves none behind.
 */
public final class Sweep {

    /** Told of each run as it is done, on the thread that ran it, one call at a time. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param run   the run just done
         * @param done  how many runs are done, this one included
         * @param total how many runs the sweep has
         */
        void runDone(CellRun run, int done, int total);
    }

    /** Names the sweep's threads start with. */
    public static final String THREAD_NAME = "sweep-";
    private static final System.Logger LOG = System.getLogger(Sweep.class.getName());
    private static final AtomicInteger SWEEPS = new AtomicInteger();

    private final SweepSpec spec;
    private final ModelFactory factory;
    private final Listener listener;
    private final int[][] order;
    private final AtomicInteger next = new AtomicInteger();
    private final Networks networks;
    private final List<Thread> threads = new ArrayList<>();
    private final SweepMap map;
    private final long startNanos;
    private volatile long endNanos;
    private volatile boolean stopping;
    private volatile boolean cancelled;
    private Throwable failure;
    private int running;

    private Sweep(SweepSpec spec, ModelFactory factory, int threadCount, Listener listener) {
        this.spec = spec;
        this.factory = factory;
        this.listener = listener;
        this.map = new SweepMap(spec);
        this.order = queue(spec);
        this.networks = new Networks(spec, order);
        this.startNanos = System.nanoTime();
        int sweep = SWEEPS.incrementAndGet();
        int count = Math.max(1, Math.min(threadCount, order.length));
        running = count;
        for (int t = 0; t < count; t++) {
            Thread thread = new Thread(this::work, THREAD_NAME + sweep + "-" + t);
            thread.setDaemon(true); // a window closed during a sweep must not wait for it
            threads.add(thread);
        }
    }

    /** Starts the sweep on one thread per core, with the balanced network. */
    public static Sweep start(SweepSpec spec, Listener listener) {
        return start(spec, Runtime.getRuntime().availableProcessors(), listener);
    }

    /** Starts the sweep on this many threads. */
    public static Sweep start(SweepSpec spec, int threads, Listener listener) {
        Sweep sweep = new Sweep(spec, ModelFactory.BALANCED, threads, listener);
        sweep.threads.forEach(Thread::start);
        return sweep;
    }

    public SweepSpec spec() {
        return spec;
    }

    /** How many threads run the sweep. */
    public int threadCount() {
        return threads.size();
    }

    /** Asks the sweep to stop: returns at once; the threads end within a step of the run each is in. */
    public void cancel() {
        cancelled = true;
        stop();
    }

    /**
     * Waits until every thread of the sweep has ended and returns the complete map.
     *
     * @throws CancellationException if the sweep was cancelled, or the waiting thread interrupted (which
     *                               cancels the sweep; the interrupt is consumed)
     * @throws RuntimeException      or Error: what made a run fail, which stopped the sweep
     */
    public SweepMap await() {
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancel();
                }
            }
        }
        Throwable failed;
        synchronized (this) {
            failed = failure;
        }
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
        if (cancelled || interrupted) {
            throw new CancellationException("sweep cancelled");
        }
        synchronized (this) {
            return map;
        }
    }

    /** Seconds from the start to the end of the last run, or until now while running. */
    public double seconds() {
        long end = endNanos;
        return ((end == 0 ? System.nanoTime() : end) - startNanos) / 1e9;
    }

    private void work() {
        try {
            while (!stopping) {
                int index = next.getAndIncrement();
                if (index >= order.length) {
                    return;
                }
                int[] run = order[index];
                CellRun done = run(run[0], run[1], run[2]);
                synchronized (this) {
                    if (stopping) {
                        return;
                    }
                    map.put(done);
                    listener.runDone(done, map.runsDone(), order.length);
                }
            }
        } catch (CancellationException e) {
            if (!stopping) { // an interrupt from outside the sweep: take it as a cancel
                cancel();
            }
        } catch (Throwable e) { // any failure ends the sweep; await() reports it
            LOG.log(Level.DEBUG, "a sweep run failed", e);
            synchronized (this) {
                if (failure == null && !stopping) {
                    failure = e;
                }
            }
            stop();
        } finally {
            synchronized (this) {
                if (--running == 0) {
                    endNanos = System.nanoTime();
                }
            }
        }
    }

    private CellRun run(int i, int j, int k) {
        NetworkParameters params = spec.run(i, j, k);
        RandomNetwork network = networks.acquire(params);
        try (NetworkModel model = factory.create(params, network)) {
            StreamedStatistics statistics = new StreamedStatistics(params);
            new RunLoop(model).runToUnchecked(params.steps(), List.of(statistics), step -> false);
            return new CellRun(i, j, k, params.seed(), CellStatistics.of(statistics));
        } finally {
            networks.release(params);
        }
    }

    private void stop() {
        stopping = true;
        for (Thread thread : threads) {
            if (thread != Thread.currentThread()) {
                thread.interrupt();
            }
        }
    }

    /** The runs {i, j, k} in the order they are taken: those sharing a network next to each other. */
    private static int[][] queue(SweepSpec spec) {
        Map<NetworkKey, List<int[]>> byNetwork = new LinkedHashMap<>();
        for (int i = 0; i < spec.x().count(); i++) {
            for (int j = 0; j < spec.y().count(); j++) {
                for (int k = 0; k < spec.seeds(); k++) {
                    byNetwork.computeIfAbsent(NetworkKey.of(spec.run(i, j, k)), key -> new ArrayList<>())
                            .add(new int[] {i, j, k});
                }
            }
        }
        return byNetwork.values().stream().flatMap(List::stream).toArray(int[][]::new);
    }

    /** What a network depends on. */
    private record NetworkKey(int n, double p, double g, long seed) {
        static NetworkKey of(NetworkParameters params) {
            return new NetworkKey(params.n(), params.p(), params.g(), params.seed());
        }
    }

    /** The networks in use, each built once and dropped when the last run on it is done. */
    private final class Networks {
        private final Map<NetworkKey, Integer> uses = new HashMap<>();
        private final Map<NetworkKey, FutureTask<RandomNetwork>> built = new HashMap<>();

        Networks(SweepSpec spec, int[][] order) {
            for (int[] run : order) {
                uses.merge(NetworkKey.of(spec.run(run[0], run[1], run[2])), 1, Integer::sum);
            }
        }

        /** The network of these parameters: built here if no other thread has started it, else waited for. */
        RandomNetwork acquire(NetworkParameters params) {
            FutureTask<RandomNetwork> network;
            synchronized (this) {
                network = built.computeIfAbsent(NetworkKey.of(params),
                        key -> new FutureTask<>(() -> factory.buildNetwork(params, fraction -> { })));
            }
            network.run(); // builds it, unless another thread has already started to
            try {
                return network.get();
            } catch (InterruptedException e) {
                throw new CancellationException("sweep cancelled while waiting for a network");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error cause) {
                    throw cause;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        synchronized void release(NetworkParameters params) {
            NetworkKey key = NetworkKey.of(params);
            if (uses.merge(key, -1, Integer::sum) == 0) {
                built.remove(key);
            }
        }
    }
}
