package org.spikefx.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.testfx.util.WaitForAsyncUtils;

/** Waiting for the window in tests: its state lives on the FX thread, and the run moves on by itself. */
final class FxWaits {
    static final long TIMEOUT_SECONDS = 20;

    private FxWaits() {
    }

    /** Reads window state on the FX thread, where it lives. */
    static <T> T fx(Callable<T> query) {
        return WaitForAsyncUtils.waitForAsyncFx(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS), query);
    }

    static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            fail("timed out waiting until " + what);
        }
    }
}
