package org.spikefx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** NumPy's legacy stream, checked against values printed by NumPy itself. */
class LegacyRandomTest {

    @Test
    void randMatchesNumpy() {
        // python3 -c "import numpy as np; np.random.seed(0); print([float(x).hex() for x in np.random.rand(3)])"
        LegacyRandom random = new LegacyRandom(0);
        assertEquals(Double.parseDouble("0x1.18fe1565f12a8p-1"), random.rand());
        assertEquals(Double.parseDouble("0x1.6e2d4cf608733p-1"), random.rand());
        assertEquals(Double.parseDouble("0x1.349d66b6e894bp-1"), random.rand());
    }

    @Test
    void randnMatchesNumpyIncludingTheCachedValue() {
        // python3 -c "import numpy as np; np.random.seed(42); print([float(x).hex() for x in np.random.randn(3)])"
        LegacyRandom random = new LegacyRandom(42);
        assertEquals(Double.parseDouble("0x1.fca2a28a9307cp-2"), random.randn());
        assertEquals(Double.parseDouble("-0x1.1b2a505de052ap-3"), random.randn());
        assertEquals(Double.parseDouble("0x1.4b9dd50245e68p-1"), random.randn());
    }

    @Test
    void skippingOutputsEqualsDrawingThem() {
        LegacyRandom drawn = new LegacyRandom(7);
        LegacyRandom skipped = new LegacyRandom(7);
        for (int k = 0; k < 5000; k++) {
            drawn.nextInt32();
        }
        skipped.skipOutputs(5000);
        assertEquals(drawn.nextInt32(), skipped.nextInt32());
    }

    @Test
    void skippingGaussianPairsEqualsDrawingThem() {
        LegacyRandom drawn = new LegacyRandom(3);
        LegacyRandom skipped = new LegacyRandom(3);
        for (int k = 0; k < 2 * 1001; k++) {
            drawn.randn();
        }
        skipped.skipGaussianPairs(1001);
        assertEquals(drawn.rand(), skipped.rand());
    }

    @Test
    void uniformsBelowPickTheSameEntriesAsComparingRand() {
        LegacyRandom compared = new LegacyRandom(11);
        LegacyRandom counted = new LegacyRandom(11);
        int[] below = new int[1000];
        int found = counted.uniformsBelow(0.3, 1000, below, 0);
        int expected = 0;
        for (int k = 0; k < 1000; k++) {
            if (compared.rand() < 0.3) {
                assertEquals(k, below[expected++]);
            }
        }
        assertEquals(expected, found);
    }

    @Test
    void skippingGaussianPairsFromAnyPositionInABlockEqualsDrawingThem() {
        // Started 0 to 3 outputs into the stream, an attempt's four outputs straddle two blocks of 624
        // at some point; counts of 1 and 156 (a block's worth) stop at and across a block's end.
        for (int offset = 0; offset < 4; offset++) {
            for (int count : new int[] {1, 155, 156, 157, 3001}) {
                LegacyRandom drawn = new LegacyRandom(5);
                LegacyRandom skipped = new LegacyRandom(5);
                drawn.skipOutputs(offset);
                skipped.skipOutputs(offset);
                for (int k = 0; k < 2 * count; k++) {
                    drawn.randn();
                }
                skipped.skipGaussianPairs(count);
                assertEquals(drawn.nextInt32(), skipped.nextInt32(), "offset " + offset + ", " + count + " pairs");
            }
        }
    }

    @Test
    void uniformsBelowFromAnOddPositionPickTheSameEntriesAsComparingRand() {
        // One output in: each draw's two outputs straddle the block's end once (624 is even).
        LegacyRandom compared = new LegacyRandom(13);
        LegacyRandom counted = new LegacyRandom(13);
        compared.nextInt32();
        counted.nextInt32();
        int[] below = new int[2000];
        int found = counted.uniformsBelow(0.5, 2000, below, 0);
        int expected = 0;
        for (int k = 0; k < 2000; k++) {
            if (compared.rand() < 0.5) {
                assertEquals(k, below[expected++]);
            }
        }
        assertEquals(expected, found);
        assertEquals(compared.nextInt32(), counted.nextInt32());
    }
}
