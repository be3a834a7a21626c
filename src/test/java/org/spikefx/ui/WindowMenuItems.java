package org.spikefx.ui;

import static org.spikefx.ui.FxWaits.fx;

import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;

/** The window's menus and the windows they open, as a test reaches them: by the words the user reads. */
final class WindowMenuItems {
    private WindowMenuItems() {
    }

    /** Chooses the menu item whose text starts with {@code text}, on the FX thread, as a click would. */
    static void choose(FxRobot robot, MainWindow main, String text) {
        robot.interact(() -> {
            MenuBar bar = (MenuBar) main.root().lookup(".menu-bar");
            bar.getMenus().stream().flatMap(menu -> menu.getItems().stream())
                    .filter(item -> item.getText() != null && item.getText().startsWith(text)).findFirst()
                    .map(MenuItem.class::cast).orElseThrow().fire();
        });
    }

    /** The open window whose title holds {@code title}. */
    static Stage stageTitled(String title) {
        return fx(() -> Window.getWindows().stream().filter(Stage.class::isInstance).map(Stage.class::cast)
                .filter(stage -> stage.getTitle() != null && stage.getTitle().contains(title)).findFirst()
                .orElseThrow());
    }

    /** Closes every window, so that the next test starts with none. */
    static void closeAll(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream().filter(Stage.class::isInstance).map(Stage.class::cast)
                .toList().forEach(Stage::close));
    }
}
