package org.spikefx.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The main window. */
public final class SpikeFxApplication extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("SpikeFX");
        stage.setScene(new Scene(new Label("SpikeFX"), 1280, 720));
        stage.show();
    }

    public static void launchWindow(String[] args) {
        Application.launch(SpikeFxApplication.class, args);
    }
}
