package org.spikefx.ui.training;

import java.util.function.DoubleConsumer;

import org.spikefx.engine.ModelFactory;
import org.spikefx.engine.NetworkModel;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.engine.force.ForceFactory;
import org.spikefx.engine.force.ForceNetwork;
import org.spikefx.params.NetworkParameters;

/**
 * The trained networks of the window: those of the engine's {@link ForceFactory}, started with the
 * training switch the window's model asks for and, for a trained network opened from a file, with its
 * decoder and from the state it was saved in. Called on the simulation thread.
 */
final class TrainingFactory implements ModelFactory {
    private final ForceFactory force;
    private final ForceNetwork.Training initialSwitch;
    private final double[] decoder;
    private final ForceNetwork.State state;

    TrainingFactory(ForceFactory force, ForceNetwork.Training initialSwitch, double[] decoder, ForceNetwork.State state) {
        this.force = force;
        this.initialSwitch = initialSwitch;
        this.decoder = decoder == null ? null : decoder.clone();
        this.state = state;
    }

    @Override
    public RandomNetwork buildNetwork(NetworkParameters params, DoubleConsumer progress) {
        return force.buildNetwork(params, progress);
    }

    @Override
    public boolean canReuse(RandomNetwork network, NetworkParameters params) {
        return force.canReuse(network, params);
    }

    @Override
    public NetworkModel create(NetworkParameters params, RandomNetwork network) {
        ForceNetwork model = force.create(params, network);
        try {
            if (decoder != null) {
                model.loadDecoder(decoder);
            }
            if (state != null) {
                model.restore(state);
            }
            model.setTraining(initialSwitch);
            return model;
        } catch (RuntimeException refused) {
            model.close();
            throw refused;
        }
    }
}
