package org.spikefx.engine.force;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;

/** A trained network that cannot fit is refused at once, in amounts of memory as the other refusals write them. */
class ForceFactoryTest {

    @Test
    void aSmallHeapIsNamedInMegabytesAndALargeNeedInGigabytes() {
        NetworkParameters params = NetworkParameters.DEFAULTS.with(Parameter.N, 20_000);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ForceFactory.requireFits(params, 50_000_000L));
        assertTrue(refused.getMessage().matches("training n = 20000 needs about \\d\\.\\d GB \\(the RLS matrix P"
                + " alone 1\\.6 GB\\), more than the 50 MB this program may use; choose a smaller n, or start Java"
                + " with a larger -Xmx"), refused.getMessage());
    }
}
