package org.spikefx.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;

import javafx.beans.property.ObjectProperty;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import org.spikefx.ui.map.MapWindow;
import org.spikefx.ui.pin.Pins;
import org.spikefx.ui.weights.WeightsWindow;

/**
 * The menu bar and the file dialogs: configurations, data export, screenshots, theme and
 * presentation mode. File dialogs start in the folder used last (remembered across sessions).
 */
final class WindowMenus {
    private static final Preferences PREFERENCES = Preferences.userNodeForPackage(WindowMenus.class);
    private static final String LAST_FOLDER = "lastFolder";
    /** The scales a screenshot, clipboard copy or SVG can be made at, times the size on screen. */
    private static final int[] SCALES = {1, 2, 4};
    /** Twice the screen's size: sharp on slides and paper, and still a modest file. */
    static final int DEFAULT_SCALE = 2;

    private final MainWindow main;
    private final FileActions files;
    private final MenuBar bar = new MenuBar();
    private final ToggleGroup scale = new ToggleGroup();
    private MapWindow mapWindow;
    private WeightsWindow weightsWindow;

    WindowMenus(MainWindow main) {
        this.main = main;
        this.files = new FileActions(main);
        bar.getMenus().addAll(fileMenu(), runMenu(), viewMenu());
    }

    MenuBar bar() {
        return bar;
    }

    private Menu fileMenu() {
        MenuItem open = item("Open configuration…", KeyCode.O, false, this::openConfig);
        MenuItem save = item("Save configuration…", KeyCode.S, true, this::saveConfig);
        MenuItem data = item("Export data (CSV and NumPy)…", KeyCode.E, false, this::exportData);
        MenuItem brian2 = item("Export as Brian2 script…", null, false, this::exportBrian2);
        MenuItem png = item("Save screenshot of the plots…", KeyCode.S, false, this::savePlotsImage);
        MenuItem window = item("Save screenshot of the window…", null, false, () -> saveImage(false));
        MenuItem svg = item("Save plots as SVG…", KeyCode.G, false, this::saveSvg);
        MenuItem gif = item("Record the plots as a GIF…", null, false, this::recordAnimation);
        MenuItem copy = item("Copy plots to the clipboard", KeyCode.C, true, () -> files.copyToClipboard(scale()));
        Menu scaleMenu = new Menu();
        for (int factor : SCALES) {
            RadioMenuItem choice = new RadioMenuItem(factor + "x" + (factor == DEFAULT_SCALE ? " (default)" : ""));
            choice.setUserData(factor);
            choice.setToggleGroup(scale);
            choice.setSelected(factor == DEFAULT_SCALE);
            scaleMenu.getItems().add(choice);
        }
        // The menu says the scale in use, and the default, without being opened.
        scaleMenu.textProperty().bind(Bindings.createStringBinding(() -> scaleMenuText(scale()),
                scale.selectedToggleProperty()));
        MenuItem quit = item("Quit", KeyCode.Q, false, () -> main.stage().close());
        return new Menu("File", null, open, save, new SeparatorMenuItem(), data, brian2, new SeparatorMenuItem(), png,
                window, svg, gif, copy, scaleMenu, new SeparatorMenuItem(), quit);
    }

    private Menu runMenu() {
        MenuItem restart = item("Restart (R)", null, false, main::restart);
        MenuItem pause = item("Pause / resume (Space)", null, false, main::togglePause);
        Pins pins = main.plotArea().pins();
        MenuItem pin = item("Pin this run", KeyCode.I, false, pins::pin);
        MenuItem unpin = item("Unpin all", null, false, pins.board()::clear);
        unpin.disableProperty().bind(Bindings.isEmpty(pins.board().pins()));
        return new Menu("Run", null, restart, pause, new SeparatorMenuItem(), pin, unpin);
    }

    private Menu viewMenu() {
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN));
        dark.selectedProperty().bindBidirectional(main.display().darkThemeProperty());
        CheckMenuItem presentation = new CheckMenuItem("Presentation mode");
        presentation.setAccelerator(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN));
        presentation.selectedProperty().bindBidirectional(main.display().presentationModeProperty());
        MenuItem fullScreen = item("Full screen", null, false,
                () -> main.stage().setFullScreen(!main.stage().isFullScreen()));
        fullScreen.setAccelerator(new KeyCodeCombination(KeyCode.F11));
        MenuItem map = item("Map of regimes…", KeyCode.M, false, this::openMap);
        MenuItem weights = item("Weights of the network…", KeyCode.W, true, this::openWeights);
        return new Menu("View", null, plotsMenu(), new SeparatorMenuItem(), dark, presentation, fullScreen,
                new SeparatorMenuItem(), map, weights);
    }

    /** The Weights window, made on first use: the matrix of the network of the current settings. */
    private void openWeights() {
        if (weightsWindow == null) {
            weightsWindow = new WeightsWindow(main.stage(), () -> main.running() != null ? main.running()
                    : main.parameterPanel().getParameters(), main.runner()::network);
            Themes.follow(weightsWindow.stage().getScene(), main.display().darkThemeProperty(), main.display().presentationModeProperty());
        }
        weightsWindow.show();
    }

    /** The Map window, made on first use; a cell clicked there runs in this window. */
    private void openMap() {
        if (mapWindow == null) {
            mapWindow = new MapWindow(main.stage(), main::running, params -> {
                boolean unchanged = params.equals(main.parameterPanel().getParameters());
                main.parameterPanel().setParameters(params); // commits, and so restarts, unless nothing changed
                if (unchanged) {
                    main.restart();
                }
            });
            Themes.follow(mapWindow.stage().getScene(), main.display().darkThemeProperty(), main.display().presentationModeProperty());
        }
        mapWindow.show();
    }

    MapWindow mapWindow() {
        return mapWindow;
    }

    WeightsWindow weightsWindow() {
        return weightsWindow;
    }

    /**
     * One plot alone in the figure, or all of them (as a double-click on a plot's title does):
     * Ctrl+1 to Ctrl+5 from the top plot down, Ctrl+0 for all.
     */
    private Menu plotsMenu() {
        ToggleGroup shown = new ToggleGroup();
        ObjectProperty<PlotArea.Plot> maximised = main.plotArea().maximisedProperty();
        Menu plots = new Menu("Plots");
        RadioMenuItem all = new RadioMenuItem("All plots");
        all.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        all.setOnAction(event -> maximised.set(null));
        all.setToggleGroup(shown);
        plots.getItems().addAll(all, new SeparatorMenuItem());
        for (PlotArea.Plot plot : PlotArea.Plot.values()) {
            RadioMenuItem alone = new RadioMenuItem(plot.title() + " alone");
            alone.setUserData(plot);
            alone.setAccelerator(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(plot.ordinal() + 1)),
                    KeyCombination.SHORTCUT_DOWN));
            alone.setOnAction(event -> maximised.set(plot));
            alone.setToggleGroup(shown);
            plots.getItems().add(alone);
        }
        Runnable follow = () -> shown.getToggles().stream()
                .filter(item -> item.getUserData() == maximised.get()).findFirst()
                .ifPresent(item -> item.setSelected(true));
        maximised.addListener((property, before, plot) -> follow.run());
        follow.run();
        return plots;
    }

    private static MenuItem item(String text, KeyCode key, boolean shift, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (key != null) {
            item.setAccelerator(shift
                    ? new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)
                    : new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN));
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    int scale() {
        return scale.getSelectedToggle() == null ? DEFAULT_SCALE : (Integer) scale.getSelectedToggle().getUserData();
    }

    /** The scale menu's title: "Screenshot scale: 2x (default)", or "Screenshot scale: 4x (default 2x)". */
    static String scaleMenuText(int chosen) {
        return "Screenshot scale: " + chosen + "x" + (chosen == DEFAULT_SCALE ? " (default)" : " (default "
                + DEFAULT_SCALE + "x)");
    }

    /** Config files dropped onto the window are opened as if chosen in the Open dialog. */
    void acceptDroppedConfigs(Scene scene) {
        scene.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        scene.setOnDragDropped(event -> {
            List<File> dropped = event.getDragboard().getFiles();
            boolean accepted = dropped != null && dropped.size() == 1;
            if (accepted) {
                files.openConfig(dropped.get(0).toPath());
            }
            event.setDropCompleted(accepted);
            event.consume();
        });
    }

    private void openConfig() {
        FileChooser chooser = fileChooser("Open a SpikeFX configuration", "SpikeFX configuration", "*.json");
        File file = chooser.showOpenDialog(main.stage());
        if (file != null) {
            remember(file.getParentFile());
            files.openConfig(file.toPath());
        }
    }

    private void saveConfig() {
        FileChooser chooser = fileChooser("Save the configuration", "SpikeFX configuration", "*.json");
        chooser.setInitialFileName(FileActions.baseName(main.running(), null) + ".json");
        saveWith(chooser, files::saveConfig);
    }

    private void exportData() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export the run's data into a folder");
        chooser.setInitialDirectory(lastFolder());
        File folder = chooser.showDialog(main.stage());
        if (folder != null) {
            remember(folder);
            files.exportData(folder.toPath());
        }
    }

    /** Frames per second of a recording from the window: even in a GIF (4 hundredths each), smooth on a slide. */
    private static final double RECORDING_FPS = 25;

    private void recordAnimation() {
        FileChooser chooser = fileChooser("Record the plots over the time shown as an animated GIF", "GIF animation",
                "*.gif");
        chooser.setInitialFileName(files.imageName(".gif"));
        saveWith(chooser, file -> files.recordAnimation(file, RECORDING_FPS));
    }

    private void exportBrian2() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Write a Brian2 project for this network into a folder");
        chooser.setInitialDirectory(lastFolder());
        File folder = chooser.showDialog(main.stage());
        if (folder != null) {
            remember(folder);
            files.exportBrian2(folder.toPath());
        }
    }

    /** Ctrl+S and the tool bar's Screenshot button: a PNG of the plots at the chosen scale. */
    void savePlotsImage() {
        saveImage(true);
    }

    private void saveImage(boolean plotsOnly) {
        FileChooser chooser = fileChooser("Save a screenshot", "PNG image", "*.png");
        chooser.setInitialFileName(files.imageName(".png"));
        saveWith(chooser, path -> files.savePng(path, plotsOnly, scale()));
    }

    private void saveSvg() {
        FileChooser chooser = fileChooser("Save the plots as vector graphics", "SVG image", "*.svg");
        chooser.setInitialFileName(files.imageName(".svg"));
        saveWith(chooser, path -> files.saveSvg(path, scale()));
    }

    private void saveWith(FileChooser chooser, java.util.function.Consumer<Path> save) {
        File file = chooser.showSaveDialog(main.stage());
        if (file != null) {
            remember(file.getParentFile());
            save.accept(file.toPath());
        }
    }

    private FileChooser fileChooser(String title, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        chooser.setInitialDirectory(lastFolder());
        return chooser;
    }

    private static File lastFolder() {
        File folder = new File(PREFERENCES.get(LAST_FOLDER, System.getProperty("user.home")));
        return folder.isDirectory() ? folder : new File(System.getProperty("user.home"));
    }

    private static void remember(File folder) {
        if (folder != null && WindowPlacement.preferencesEnabled()) {
            PREFERENCES.put(LAST_FOLDER, folder.getAbsolutePath());
        }
    }
}
