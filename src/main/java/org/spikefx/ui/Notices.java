package org.spikefx.ui;

import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * News and problems on the right of the status bar: news of file work (saved, exported) for a few
 * seconds; a problem the user should see (a broken file, a full disk), marked as one, while the run goes
 * on. A long message does not fit there: a click on a problem shows it whole, in a dialog of its own.
 */
final class Notices {
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    /** Long enough to read a line, short enough not to stand for the state of a later run. */
    private static final Duration SHOWN_FOR = Duration.seconds(12);

    private final Window owner;
    private final Label notice = new Label();
    private final PauseTransition timeout = new PauseTransition(SHOWN_FOR);
    /** The problem shown, or null. */
    private String problem;

    /** @param owner the window a problem's dialog belongs to */
    Notices(Window owner) {
        this.owner = owner;
        notice.setId("notice");
        notice.getStyleClass().add("notice");
        timeout.setOnFinished(event -> {
            notice.setText("");
            problem = null;
        });
        notice.setOnMouseClicked(event -> showWholeProblem());
    }

    /** The label to put in the status bar. */
    Label label() {
        return notice;
    }

    /** News, for a few seconds. */
    void showNotice(String message) {
        problem = null;
        notice.setText(message);
        notice.setTooltip(new Tooltip(message));
        notice.pseudoClassStateChanged(PROBLEM, false);
        timeout.playFromStart();
    }

    /** A problem, for a few seconds; a click shows it whole. */
    void showProblem(String message) {
        showNotice(message);
        problem = message;
        notice.setTooltip(new Tooltip("Click to read the whole message"));
        notice.pseudoClassStateChanged(PROBLEM, true);
    }

    private void showWholeProblem() {
        if (problem == null) {
            return;
        }
        Alert dialog = new Alert(Alert.AlertType.ERROR, problem, ButtonType.OK);
        dialog.initOwner(owner);
        dialog.setTitle("SpikeFX");
        dialog.setHeaderText(null);
        dialog.getDialogPane().setId("problem-dialog");
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        dialog.show();
    }
}
