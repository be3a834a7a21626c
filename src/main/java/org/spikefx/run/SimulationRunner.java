package org.spikefx.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.spikefx.Messages;
import org.spikefx.engine.ModelFactory;
import org.spikefx.engine.NetworkModel;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.RunLoop;
import org.spikefx.params.NetworkParameters;

/**
 * Runs the network on one background thread and reports to a bounded queue of {@link RunEvent}s.
 * The simulation advances in chunks; each chunk becomes an immutable {@link Batch}. When a speed is
 * set, simulated time is paced against wall time; at full speed the bounded queue is the brake.
 *
 * <p>All control methods return at once, from any thread. A new {@link #start} stops the run before
 * it promptly (at the next chunk, or at the next progress report of a network build) and gives the
 * new run a new id, so the consumer can drop what was still queued of the old one. Only n, p, g and
 * seed need a new network; other changes reuse the last one. Any {@link NetworkModel} runs here, made
 * by its {@link ModelFactory}, through the one {@link RunLoop}.
 */
public final class SimulationRunner implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SimulationRunner.class.getName());
    /** A chunk ends after this much wall time, so the window gets fresh data every frame or two. */
    private static final long CHUNK_WALL_NANOS = TimeUnit.MILLISECONDS.toNanos(8);
    /** ... or after this much simulated time times the speed: at 1x a chunk is 8 ms of simulated time. */
    private static final double CHUNK_SIMULATED_SECONDS_AT_1X = 0.008;
    private static final int CHUNK_STEPS_MAX = 4096;
    /** Step indices are ints: a continuous run ends before they would overflow (about 30 h at dt = 0.05 ms). */
    private static final int LAST_STEP = Integer.MAX_VALUE - CHUNK_STEPS_MAX;
    private static final long OFFER_WAIT_MILLIS = 20;
    /** The name of the thread that steps the network (benchmarks measure its CPU time by it). */
    public static final String THREAD_NAME = "simulation";

    private final BlockingQueue<RunEvent> events;
    private final AtomicLong threadsStarted = new AtomicLong();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        threadsStarted.incrementAndGet();
        Thread simulation = new Thread(task, THREAD_NAME);
        simulation.setDaemon(true);
        return simulation;
    });
    private final AtomicLong activeRunId = new AtomicLong();
    private Future<?> current;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition controlChanged = lock.newCondition();
    private boolean paused;
    private int stepsGranted;
    private double speed = Double.POSITIVE_INFINITY;
    private boolean continuous;
    private boolean pacingReset;
    private int[] recordedNeurons;
    private int[] balanceNeurons;
    private boolean selectionChanged;
    /** Commands for the running model, applied in order on the simulation thread between chunks. */
    private final List<Consumer<NetworkModel>> commands = new ArrayList<>();
    /** Whether a model is being stepped: commands then wait for the next chunk. Guarded by the lock. */
    private boolean modelRunning;
    /** The model of the last run once it has ended (closed, but its state can be read). Simulation thread only. */
    private NetworkModel lastModel;

    /**
     * Network of the last run, reused when only parameters outside n, p, g, seed change. Written on the
     * simulation thread only; volatile so that other windows may read the (immutable) network too.
     */
    private volatile RandomNetwork lastNetwork;
    /** Seconds the network built ahead of its run took to build or read, or -1 once a run has reported it. Simulation thread only. */
    private double aheadBuildSeconds = -1;
    /** Whether the network built ahead was built or read. Simulation thread only. */
    private RunEvent.NetworkOrigin aheadOrigin = RunEvent.NetworkOrigin.BUILT;
    /** The build asked for by {@link #buildAhead}, with what it builds, until a start takes it over or cancels it. */
    private Future<?> aheadBuild;
    private NetworkParameters aheadParams;
    private ModelFactory aheadFactory;

    public SimulationRunner(int queueCapacity) {
        events = new ArrayBlockingQueue<>(queueCapacity);
    }

    /** The events of all runs, oldest first. The consumer drains it and drops events of other run ids. */
    public BlockingQueue<RunEvent> events() {
        return events;
    }

    /**
     * The network the last run was built on, or null before the first: immutable, so any thread may read
     * it, and a window that shows the network need not build a second copy of a large one.
     */
    public RandomNetwork network() {
        return lastNetwork;
    }

    /** Id of the run whose events are current. */
    public long activeRunId() {
        return activeRunId.get();
    }

    /** How many threads this runner has started over its life: one, however many runs it ran. */
    long threadsStarted() {
        return threadsStarted.get();
    }

    /** Stops the current run and starts the balanced network with these parameters; returns the new run's id. */
    public long start(NetworkParameters params) {
        return start(params, ModelFactory.BALANCED);
    }

    /**
     * Builds the network of these parameters now, on the simulation thread, for a {@link #start} with
     * them that is to come: the window asks for it before JavaFX has started, and the network is built
     * on one core while JavaFX starts on the other. A start with another network cancels the build.
     */
    public void buildAhead(NetworkParameters params, ModelFactory factory) {
        buildAhead(params, factory, NetworkStore.NONE);
    }

    /**
     * As {@link #buildAhead(NetworkParameters, ModelFactory)}, but looks in the store first, and leaves there
     * the network it had to build: a launch reads in milliseconds what would take it a third of a second of a
     * core to build, on the core JavaFX's start would otherwise share with the build.
     */
    public synchronized void buildAhead(NetworkParameters params, ModelFactory factory, NetworkStore store) {
        aheadParams = params;
        aheadFactory = factory;
        long runBefore = activeRunId.get();
        aheadBuild = thread.submit(() -> {
            if (lastNetwork == null || !factory.canReuse(lastNetwork, params)) {
                lastNetwork = null;
                long buildStart = System.nanoTime();
                try {
                    lastNetwork = store.find(params, factory);
                    aheadOrigin = lastNetwork != null ? RunEvent.NetworkOrigin.READ : RunEvent.NetworkOrigin.BUILT;
                    if (lastNetwork == null) {
                        // Progress goes to the run this build is for, once it has started. Before that nobody reads
                        // the queue (the window has not started its pulses): progress for no run would fill it,
                        // and the run's first events would wait behind it for a frame.
                        lastNetwork = factory.buildNetwork(params, fraction -> {
                            long run = activeRunId.get();
                            if (run != runBefore) {
                                events.offer(new RunEvent.NetworkBuilding(run, fraction));
                            }
                        });
                        store.keep(lastNetwork);
                    }
                    aheadBuildSeconds = (System.nanoTime() - buildStart) / 1e9;
                } catch (CancellationException cancelled) {
                    // A start with another network came first.
                } catch (RuntimeException | Error e) {
                    // The run that follows builds it again and reports what goes wrong.
                    lastNetwork = null;
                    LOG.log(System.Logger.Level.DEBUG, "the network of " + params + " could not be built ahead", e);
                }
            }
        });
    }

    /** Stops the current run and starts a model of this kind with these parameters; returns the new run's id. */
    public synchronized long start(NetworkParameters params, ModelFactory factory) {
        long runId = activeRunId.incrementAndGet();
        if (current != null) {
            current.cancel(true);
        }
        if (aheadBuild != null) {
            if (factory != aheadFactory || !params.sameNetworkAs(aheadParams)) {
                aheadBuild.cancel(true); // not the network this run needs: do not make it wait for it
            }
            aheadBuild = null;
        }
        withControls(() -> {
            pacingReset = true;
            commands.clear(); // meant for the run that is being replaced
        });
        current = thread.submit(() -> execute(runId, params, factory));
        return runId;
    }

    /** Stops the current run; its remaining events are stale. */
    public synchronized void stop() {
        activeRunId.incrementAndGet();
        if (current != null) {
            current.cancel(true);
        }
    }

    public void pause() {
        withControls(() -> paused = true);
    }

    public void resume() {
        withControls(() -> {
            paused = false;
            stepsGranted = 0;
            pacingReset = true;
        });
    }

    public boolean isPaused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    /** The speed asked for ({@link #setSpeed}): simulated seconds per wall second, infinite for as fast as possible. */
    public double speed() {
        lock.lock();
        try {
            return speed;
        } finally {
            lock.unlock();
        }
    }

    /** While paused: advance by this many steps, as one batch. */
    public void step(int steps) {
        withControls(() -> stepsGranted += steps);
    }

    /** Simulated seconds per wall-clock second; {@code Double.POSITIVE_INFINITY} for as fast as possible. */
    public void setSpeed(double multipleOfRealTime) {
        if (!(multipleOfRealTime > 0)) {
            throw new IllegalArgumentException("speed must be above 0, got " + multipleOfRealTime);
        }
        withControls(() -> {
            speed = multipleOfRealTime;
            pacingReset = true;
        });
    }

    /** Continuous runs go on past T until stopped. */
    public void setContinuous(boolean runContinuously) {
        withControls(() -> continuous = runContinuously);
    }

    /** Which neurons' voltages the batches carry; applied at the next chunk of the running simulation. */
    public void setRecordedNeurons(int[] neurons) {
        int[] copy = neurons.clone();
        withControls(() -> {
            recordedNeurons = copy;
            selectionChanged = true;
        });
    }

    /** Which neurons' input is split into excitation and inhibition; applied at the next chunk. */
    public void setBalanceNeurons(int[] neurons) {
        int[] copy = neurons.clone();
        withControls(() -> {
            balanceNeurons = copy;
            selectionChanged = true;
        });
    }

    /**
     * Has the simulation thread apply a command to the running model before its next chunk, also while
     * paused; the model is never touched from the caller's thread. A new {@link #start} drops the
     * commands not yet applied: they were meant for the old run.
     */
    public void command(Consumer<NetworkModel> command) {
        lock.lock();
        try {
            if (modelRunning) {
                commands.add(command);
                controlChanged.signalAll();
                return;
            }
        } finally {
            lock.unlock();
        }
        // No run goes on: the last model, finished, is still there to read (or null if there is none).
        thread.submit(() -> command.accept(lastModel));
    }

    @Override
    public synchronized void close() {
        stop();
        thread.shutdownNow();
    }

    private void withControls(Runnable change) {
        lock.lock();
        try {
            change.run();
            controlChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean cancelled(long runId) {
        return runId != activeRunId.get() || Thread.currentThread().isInterrupted();
    }

    // ---- on the simulation thread ----

    private void execute(long runId, NetworkParameters params, ModelFactory factory) {
        try {
            RunEvent.NetworkOrigin origin = RunEvent.NetworkOrigin.REUSED;
            long buildStart = System.nanoTime();
            double buildSeconds;
            if (lastNetwork == null || !factory.canReuse(lastNetwork, params)) {
                lastNetwork = null; // let the old matrix go before the new one is allocated
                lastNetwork = factory.buildNetwork(params,
                        fraction -> events.offer(new RunEvent.NetworkBuilding(runId, fraction)));
                origin = RunEvent.NetworkOrigin.BUILT;
                buildSeconds = (System.nanoTime() - buildStart) / 1e9;
            } else if (aheadBuildSeconds >= 0) {
                origin = aheadOrigin; // made ahead for this run: the first run on it reports how
                buildSeconds = aheadBuildSeconds;
            } else {
                buildSeconds = (System.nanoTime() - buildStart) / 1e9;
            }
            aheadBuildSeconds = -1;
            lastModel = null;
            NetworkModel model = factory.create(params, lastNetwork);
            try (model) {
                withControls(() -> {
                    selectionChanged = true; // the chosen neurons apply to the new model too
                    modelRunning = true;
                });
                publish(new RunEvent.RunStarted(runId, params, origin, buildSeconds), runId);
                simulate(runId, model);
            } finally {
                lastModel = model;
                withControls(() -> {
                    modelRunning = false;
                    applyCommands(model); // those that came while the run was ending
                });
            }
        } catch (CancellationException | InterruptedException e) {
            // Replaced by a newer run or shut down: nothing to report.
        } catch (RuntimeException | Error e) {
            lastNetwork = null;
            LOG.log(System.Logger.Level.DEBUG, "the run of " + params + " failed", e);
            String reason = e instanceof OutOfMemoryError ? "not enough memory for n = " + params.n()
                    + " and p = " + params.p() + "; choose a smaller network" : Messages.reason(e);
            try {
                publish(new RunEvent.RunFailed(runId, reason), runId);
            } catch (InterruptedException | CancellationException replaced) {
                // A newer run has started: this failure is no longer news.
            }
        }
    }

    private void simulate(long runId, NetworkModel simulation) throws InterruptedException {
        RunLoop loop = new RunLoop(simulation);
        double dt = simulation.parameters().dt();
        int steps = simulation.parameters().steps();
        long paceWallStart = 0;
        int paceStepStart = 0;
        while (!cancelled(runId)) {
            int allowed;
            double pace;
            boolean endless;
            lock.lock();
            try {
                while (paused && stepsGranted == 0 && commands.isEmpty() && !cancelled(runId)) {
                    controlChanged.await();
                }
                applyCommands(simulation);
                if (paused && stepsGranted == 0) {
                    continue; // woken for a command only
                }
                allowed = paused ? stepsGranted : CHUNK_STEPS_MAX;
                pace = speed;
                endless = continuous;
                if (pacingReset) {
                    pacingReset = false;
                    paceWallStart = System.nanoTime();
                    paceStepStart = simulation.nextStep();
                }
                if (endless ? simulation.nextStep() >= LAST_STEP : simulation.finished()) {
                    break;
                }
                applySelection(simulation);
            } finally {
                lock.unlock();
            }
            if (cancelled(runId)) {
                return;
            }
            int remaining = (endless ? LAST_STEP : steps) - simulation.nextStep();
            int chunk = Math.min(allowed, remaining);
            if (Double.isFinite(pace)) {
                chunk = Math.min(chunk, Math.max(1, (int) Math.round(pace * CHUNK_SIMULATED_SECONDS_AT_1X / dt)));
            }
            Batch batch = runChunk(runId, loop, chunk);
            takeGrantedSteps(batch.stepCount());
            publish(batch, runId);
            if (Double.isFinite(pace)) {
                double simulated = (simulation.nextStep() - paceStepStart) * dt;
                long due = paceWallStart + (long) (simulated / pace * 1e9);
                long early = due - System.nanoTime();
                if (early > 0) {
                    TimeUnit.NANOSECONDS.sleep(early);
                }
            }
        }
        if (!cancelled(runId)) {
            publish(new RunEvent.RunFinished(runId, simulation.nextStep()), runId);
        }
    }

    /** While paused, a single step may take more than one chunk: only the steps done are used up. */
    private void takeGrantedSteps(int done) {
        lock.lock();
        try {
            if (paused) {
                stepsGranted = Math.max(0, stepsGranted - done);
            }
        } finally {
            lock.unlock();
        }
    }

    private Batch runChunk(long runId, RunLoop loop, int chunk) {
        BatchBuilder batch = new BatchBuilder(runId, loop.model(), chunk);
        long start = System.nanoTime();
        // A chunk also ends by wall time, so that slow (large) networks still show progress every frame.
        loop.runToUnchecked(loop.model().nextStep() + chunk, List.of(batch),
                model -> (model.nextStep() & 15) == 0 && System.nanoTime() - start > CHUNK_WALL_NANOS);
        return batch.build();
    }

    /** Called with the lock held. */
    private void applyCommands(NetworkModel model) {
        for (Consumer<NetworkModel> command : commands) {
            command.accept(model);
        }
        commands.clear();
    }

    /** Called with the lock held. */
    private void applySelection(NetworkModel simulation) {
        if (!selectionChanged) {
            return;
        }
        selectionChanged = false;
        int n = simulation.parameters().n();
        if (recordedNeurons != null) {
            simulation.setRecordedNeurons(existing(recordedNeurons, n));
        }
        if (balanceNeurons != null) {
            simulation.balance().follow(existing(balanceNeurons, n));
        }
    }

    private static int[] existing(int[] neurons, int n) {
        return Arrays.stream(neurons).filter(k -> k >= 0 && k < n).toArray();
    }

    /** Offers an event to the queue, waiting while it is full, until the run is cancelled. */
    private void publish(RunEvent event, long runId) throws InterruptedException {
        while (!events.offer(event, OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            if (cancelled(runId)) {
                throw new CancellationException();
            }
        }
    }
}
