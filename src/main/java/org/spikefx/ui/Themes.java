package org.spikefx.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;

import org.spikefx.ui.view.RunView;

/**
 * The light and the dark theme, and presentation mode (larger text and lines for a projector), as
 * style classes on the scene's root: {@code dark} and {@code presentation}.
 */
final class Themes {
    private static final String DARK = "dark";
    private static final String PRESENTATION = "presentation";

    private Themes() {
    }

    static void install(Scene scene) {
        scene.getStylesheets().addAll(RunView.stylesheet(),
                Themes.class.getResource("/org/spikefx/ui/theme.css").toExternalForm());
    }

    /**
     * A window of the application's own (the Map, say) in the main window's theme and presentation
     * mode, now and whenever they change.
     */
    static void follow(Scene scene, ObservableValue<Boolean> dark, ObservableValue<Boolean> presentation) {
        install(scene);
        setDark(scene, dark.getValue());
        setPresentation(scene, presentation.getValue());
        dark.addListener((observable, old, on) -> setDark(scene, on));
        presentation.addListener((observable, old, on) -> setPresentation(scene, on));
    }

    static void setDark(Scene scene, boolean dark) {
        setStyleClass(scene, DARK, dark);
    }

    static void setPresentation(Scene scene, boolean presentation) {
        setStyleClass(scene, PRESENTATION, presentation);
    }

    private static void setStyleClass(Scene scene, String styleClass, boolean on) {
        if (on && !scene.getRoot().getStyleClass().contains(styleClass)) {
            scene.getRoot().getStyleClass().add(styleClass);
        } else if (!on) {
            scene.getRoot().getStyleClass().remove(styleClass);
        }
    }
}
