package org.spikefx.run;

import org.spikefx.engine.ModelFactory;
import org.spikefx.engine.RandomNetwork;
import org.spikefx.params.NetworkParameters;

/**
 * Networks kept between launches, for a runner's {@link SimulationRunner#buildAhead}: it looks here
 * before it builds, and leaves here what it built. A network depends only on a few parameters and is
 * the same every time, so one kept from an earlier launch serves as well as a new one.
 */
public interface NetworkStore {

    /**
     * The kept network these parameters describe, of the factory's kind ({@link ModelFactory#canReuse}),
     * or null if there is none. Never throws: a store that cannot be read is a store without the network.
     */
    RandomNetwork find(NetworkParameters params, ModelFactory factory);

    /** Keeps this network for a later {@link #find}, perhaps on a thread of its own; never throws. */
    void keep(RandomNetwork network);

    /** A store that keeps nothing. */
    NetworkStore NONE = new NetworkStore() {
        @Override
        public RandomNetwork find(NetworkParameters params, ModelFactory factory) {
            return null;
        }

        @Override
        public void keep(RandomNetwork network) {
        }
    };
}
