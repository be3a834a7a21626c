package org.spikefx.ui.params;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Shows the parameter panel on its own, at the height of a 720-line projector, and prints each commit. */
public final class ParameterPanelDemo {

    /** The window; launched from a class that is not an Application, as JavaFX on the class path requires. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            ParameterPanel panel = new ParameterPanel();
            panel.parametersProperty().addListener((observable, before, now) -> System.out.println("committed " + now));
            stage.setTitle("Parameters");
            stage.setScene(new Scene(panel, 420, 720));
            stage.show();
        }
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }
}
