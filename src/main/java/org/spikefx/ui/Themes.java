package org.spikefx.ui;

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
