package org.spikefx.ui.training;

import java.util.concurrent.CompletableFuture;

import org.spikefx.engine.force.ForceNetwork;
import org.spikefx.run.SimulationRunner;

/**
 * The training model's requests, sent through the runner: each is applied by the simulation thread
 * between two chunks of steps, to the trained network running then (a spontaneous network ignores
 * them). The future of a snapshot completes on the simulation thread.
 */
public final class RunnerCommands implements TrainingModel.Commands {
    private final SimulationRunner runner;

    public RunnerCommands(SimulationRunner runner) {
        this.runner = runner;
    }

    @Override
    public void setTraining(ForceNetwork.Training training) {
        runner.command(model -> {
            if (model instanceof ForceNetwork trained) {
                trained.setTraining(training);
            }
        });
    }

    @Override
    public CompletableFuture<Double> startTrainingAtUpwardCrossing() {
        CompletableFuture<Double> startsAt = new CompletableFuture<>();
        runner.command(model -> {
            if (model instanceof ForceNetwork trained) {
                startsAt.complete(trained.startTrainingAtUpwardCrossing() * trained.parameters().dt());
            } else {
                startsAt.completeExceptionally(new IllegalStateException(
                        "the running network is not trained: choose Training in the tool bar first"));
            }
        });
        return startsAt;
    }

    @Override
    public void resetDecoder() {
        runner.command(model -> {
            if (model instanceof ForceNetwork trained) {
                trained.resetDecoder();
            }
        });
    }

    @Override
    public CompletableFuture<NetworkSnapshot> snapshot() {
        CompletableFuture<NetworkSnapshot> taken = new CompletableFuture<>();
        runner.command(model -> {
            if (model instanceof ForceNetwork trained) {
                taken.complete(new NetworkSnapshot(trained.weights(), trained.encoder(), trained.decoder(),
                        trained.updates(), trained.state()));
            } else {
                taken.completeExceptionally(new IllegalStateException(
                        "the running network is not trained: choose Training in the tool bar first"));
            }
        });
        return taken;
    }
}
