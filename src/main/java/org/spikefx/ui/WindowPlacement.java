package org.spikefx.ui;

import java.lang.System.Logger;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window's size: the first time, the screen filled (maximised) up to 1920 x 1080 px, so that a
 * projector's 1280 x 720 is used whole and a large monitor gets a full-HD window rather than very
 * long lines; after that the size the window had when it was last closed, kept in the user's
 * preferences. The system property {@value #PREFERENCES_PROPERTY}{@code =off} keeps the
 * preferences out of it (tests set it, so they never change a user's settings).
 */
final class WindowPlacement {
    static final String PREFERENCES_PROPERTY = "spikefx.preferences";
    /** Largest size the window opens at on a screen it does not fill. */
    static final double MAX_FIRST_WIDTH = 1920;
    static final double MAX_FIRST_HEIGHT = 1080;
    private static final Logger LOG = System.getLogger(WindowPlacement.class.getName());
    private static final String WIDTH = "windowWidth";
    private static final String HEIGHT = "windowHeight";
    private static final String MAXIMISED = "windowMaximised";

    /** A window size, and whether the window fills the screen as the window manager maximises it. */
    record Size(double width, double height, boolean maximised) {
    }

    /** The saved size, read by {@link #readSavedSizeAhead} while JavaFX starts; null until asked for. */
    private static volatile CompletableFuture<Optional<Size>> savedAhead;

    private WindowPlacement() {
    }

    /**
     * Reads the saved size on a thread of its own, for the window to come: the user's preferences are a
     * file of XML, and reading them cold took 30 ms of the FX thread's start.
     */
    static void readSavedSizeAhead() {
        savedAhead = CompletableFuture.supplyAsync(WindowPlacement::saved, task -> {
            Thread reader = new Thread(task, "window-size");
            reader.setDaemon(true);
            reader.start();
        });
    }

    /**
     * The size to open at on a screen with these usable bounds (without task bars): the saved size if
     * there is one, made to fit the screen, or else the screen itself, maximised, up to 1920 x 1080.
     */
    static Size initial(Rectangle2D screen, Optional<Size> saved) {
        if (saved.isPresent()) {
            Size size = saved.get();
            return new Size(Math.min(size.width(), screen.getWidth()), Math.min(size.height(), screen.getHeight()),
                    size.maximised());
        }
        boolean fits = screen.getWidth() <= MAX_FIRST_WIDTH && screen.getHeight() <= MAX_FIRST_HEIGHT;
        return new Size(Math.min(MAX_FIRST_WIDTH, screen.getWidth()), Math.min(MAX_FIRST_HEIGHT, screen.getHeight()),
                fits);
    }

    /** Sizes the stage before it is shown, and remembers its size when it is closed. */
    static void apply(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        CompletableFuture<Optional<Size>> ahead = savedAhead;
        savedAhead = null; // read once: a window opened later reads the size then saved
        Size size = initial(screen, ahead != null ? ahead.exceptionally(unread -> Optional.empty()).join() : saved());
        stage.setWidth(size.width());
        stage.setHeight(size.height());
        stage.setX(screen.getMinX() + (screen.getWidth() - size.width()) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - size.height()) / 2);
        stage.setMaximized(size.maximised());
        Size[] restored = {size};
        // The size to come back to is the one the window has while neither maximised nor in full screen.
        stage.widthProperty().addListener((property, before, width) -> restored[0] = current(stage, restored[0]));
        stage.heightProperty().addListener((property, before, height) -> restored[0] = current(stage, restored[0]));
        stage.setOnHiding(event -> save(new Size(restored[0].width(), restored[0].height(), stage.isMaximized())));
    }

    private static Size current(Stage stage, Size before) {
        return stage.isMaximized() || stage.isFullScreen() ? before
                : new Size(stage.getWidth(), stage.getHeight(), false);
    }

    /** Whether the user's preferences may be read and written (see {@link #PREFERENCES_PROPERTY}). */
    static boolean preferencesEnabled() {
        return !"off".equals(System.getProperty(PREFERENCES_PROPERTY));
    }

    private static Optional<Size> saved() {
        if (!preferencesEnabled()) {
            return Optional.empty();
        }
        try {
            Preferences node = Preferences.userNodeForPackage(WindowPlacement.class);
            double width = node.getDouble(WIDTH, 0);
            double height = node.getDouble(HEIGHT, 0);
            return width > 0 && height > 0
                    ? Optional.of(new Size(width, height, node.getBoolean(MAXIMISED, false)))
                    : Optional.empty();
        } catch (RuntimeException unreadable) {
            LOG.log(Logger.Level.WARNING, "the saved window size could not be read; the window fills the screen",
                    unreadable);
            return Optional.empty();
        }
    }

    private static void save(Size size) {
        if (!preferencesEnabled()) {
            return;
        }
        try {
            Preferences node = Preferences.userNodeForPackage(WindowPlacement.class);
            node.putDouble(WIDTH, size.width());
            node.putDouble(HEIGHT, size.height());
            node.putBoolean(MAXIMISED, size.maximised());
            node.flush();
        } catch (BackingStoreException | RuntimeException unwritable) {
            LOG.log(Logger.Level.WARNING, "the window size could not be saved for next time", unwritable);
        }
    }
}
