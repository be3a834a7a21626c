package org.spikefx.ui.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.params.Preset;

@ExtendWith(ApplicationExtension.class)
class ParameterPanelTest {
    private static final NetworkParameters DEFAULTS = NetworkParameters.DEFAULTS;

    private ParameterPanel panel;
    /** Every committed change, in order; written on the FX thread, read by the test. */
    private final List<NetworkParameters> commits = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        panel = new ParameterPanel();
        panel.parametersProperty().addListener((observable, before, now) -> commits.add(now));
        stage.setScene(new Scene(panel, 440, 760));
        stage.show();
    }

    @Test
    void aTypedValueIsCommittedOnceOnEnter(FxRobot robot) {
        typeInto(robot, Parameter.N, "1500").type(KeyCode.ENTER);

        assertEquals(List.of(DEFAULTS.with(Parameter.N, 1500)), commits);
        assertEquals("1500", field(robot, Parameter.N).getText());
    }

    @Test
    void leavingAFieldCommitsIt(FxRobot robot) {
        typeInto(robot, Parameter.N, "1500");
        robot.clickOn("#p-field");

        assertEquals(List.of(DEFAULTS.with(Parameter.N, 1500)), commits);
    }

    @Test
    void textThatIsNotANumberIsRefusedWithTheAllowedRange(FxRobot robot) {
        typeInto(robot, Parameter.N, "abc").type(KeyCode.ENTER);

        assertRefused(robot, Parameter.N, "n = 'abc' is not a number: n must be a whole number from 1 to 1000000");
    }

    @Test
    void aValueOutOfRangeIsRefusedWithTheAllowedRange(FxRobot robot) {
        typeInto(robot, Parameter.N, "0").type(KeyCode.ENTER);

        assertRefused(robot, Parameter.N, "n = 0 is not allowed: n must be a whole number from 1 to 1000000");
    }

    @Test
    void aFractionIsRefusedForAWholeNumberParameter(FxRobot robot) {
        typeInto(robot, Parameter.N, "2.5").type(KeyCode.ENTER);

        assertRefused(robot, Parameter.N, "n = 2.5 is not allowed: n must be a whole number from 1 to 1000000");
    }

    @Test
    void aValueThatBreaksARuleBetweenParametersIsRefused(FxRobot robot) {
        typeInto(robot, Parameter.VRESET, "-30").type(KeyCode.ENTER);

        assertRefused(robot, Parameter.VRESET, "vreset = -30 is not allowed: vreset must be below vpeak (-40)");
    }

    @Test
    void everyRefusedFieldKeepsItsOwnReasonUnderIt(FxRobot robot) {
        typeInto(robot, Parameter.N, "abc").type(KeyCode.ENTER);
        typeInto(robot, Parameter.VRESET, "-30").type(KeyCode.ENTER);

        assertRefused(robot, Parameter.N, "n = 'abc' is not a number: n must be a whole number from 1 to 1000000");
        assertRefused(robot, Parameter.VRESET, "vreset = -30 is not allowed: vreset must be below vpeak (-40)");
        assertFalse(message(robot, Parameter.VPEAK).isVisible(), "vpeak was not typed into");
        Label vresetReason = message(robot, Parameter.VRESET);
        TextField vreset = field(robot, Parameter.VRESET);
        assertTrue(vresetReason.localToScene(0, 0).getY() > vreset.localToScene(0, 0).getY(), "under its field");

        typeInto(robot, Parameter.VRESET, "-70").type(KeyCode.ENTER);
        assertFalse(message(robot, Parameter.VRESET).isVisible());
        assertTrue(message(robot, Parameter.N).isVisible(), "n's reason stays until n is put right");
    }

    @Test
    void theSeedFieldShowsATenDigitSeedWhole(FxRobot robot) {
        robot.interact(() -> panel.setParameters(DEFAULTS.with(Parameter.SEED, 4294967295L)));
        TextField seed = field(robot, Parameter.SEED);
        Text probe = new Text("4294967295");
        probe.setFont(seed.getFont());
        double inside = seed.getWidth() - seed.getInsets().getLeft() - seed.getInsets().getRight();
        assertTrue(inside >= probe.getLayoutBounds().getWidth(),
                "field " + inside + " px for text " + probe.getLayoutBounds().getWidth() + " px");
    }

    @Test
    void choosingAnotherPresetOrOwnValuesMovesNoControl(FxRobot robot) {
        TextField n = field(robot, Parameter.N);
        double[] tops = new double[Preset.values().length + 2];
        int k = 0;
        List<NetworkParameters> choices = new ArrayList<>();
        for (Preset preset : Preset.values()) {
            choices.add(preset.parameters());
        }
        // The user's own values, no preset, between two presets.
        choices.add(1, DEFAULTS.with(Parameter.G, 0.07));
        choices.add(DEFAULTS.with(Parameter.OFFSET, -45));
        for (NetworkParameters choice : choices) {
            robot.interact(() -> panel.setParameters(choice));
            WaitForAsyncUtils.waitForFxEvents();
            tops[k++] = n.localToScene(0, 0).getY();
        }
        assertNull(presetChooser(robot).getValue(), "the last values are no preset's");
        for (double top : tops) {
            assertEquals(tops[0], top, 0.01, "the n field's top with each preset: " + Arrays.toString(tops));
        }
        Label explanation = robot.lookup("#preset-explanation").queryAs(Label.class);
        assertTrue(explanation.getHeight() >= 3 * explanation.getFont().getSize(),
                "the description is shown, " + explanation.getHeight() + " px high");
    }

    @Test
    void escapeRevertsARefusedField(FxRobot robot) {
        typeInto(robot, Parameter.N, "abc").type(KeyCode.ENTER).type(KeyCode.ESCAPE);

        assertEquals("2000", field(robot, Parameter.N).getText());
        assertFalse(isInvalid(field(robot, Parameter.N)));
        assertFalse(message(robot, Parameter.N).isVisible());
        assertEquals(List.of(), commits);
    }

    @Test
    void escapeDropsTypingSoLeavingTheFieldCommitsNothing(FxRobot robot) {
        typeInto(robot, Parameter.N, "1500").type(KeyCode.ESCAPE);
        robot.clickOn("#p-field");

        assertEquals("2000", field(robot, Parameter.N).getText());
        assertEquals(List.of(), commits);
    }

    @Test
    void aBurstOfSliderMovesCommitsOnceAfterTheSliderRests(FxRobot robot) throws TimeoutException {
        Slider g = robot.lookup("#g-slider").queryAs(Slider.class);
        AtomicInteger commitsDuringBurst = new AtomicInteger(-1);
        robot.interact(() -> {
            for (int step = 0; step <= 40; step++) {
                g.setValue(0.05 + step * 0.002);
            }
            commitsDuringBurst.set(commits.size());
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !commits.isEmpty());
        WaitForAsyncUtils.sleep((long) (2 * ParameterPanel.COMMIT_DELAY.toMillis()), TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(0, commitsDuringBurst.get());
        assertEquals(List.of(DEFAULTS.with(Parameter.G, 0.13)), commits);
        assertEquals("0.13", field(robot, Parameter.G).getText());
    }

    @Test
    void draggingASliderCommitsOnceOnRelease(FxRobot robot) {
        robot.drag("#g-slider .thumb", MouseButton.PRIMARY).moveBy(40, 0).drop();
        int commitsOnRelease = commits.size();
        WaitForAsyncUtils.sleep((long) (2 * ParameterPanel.COMMIT_DELAY.toMillis()), TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, commitsOnRelease);
        assertEquals(1, commits.size());
        NetworkParameters committed = commits.get(0);
        assertTrue(committed.g() > DEFAULTS.g(), "g moved right: " + committed.g());
        assertEquals(DEFAULTS.with(Parameter.G, committed.g()), committed);
        assertEquals(Parameter.format(committed.g()), field(robot, Parameter.G).getText());
    }

    @Test
    void releasingASliderWhereTheValueIsRefusedCommitsTheLastAllowedValue(FxRobot robot) {
        NetworkParameters highReset = DEFAULTS.with(Parameter.VRESET, -50);
        robot.interact(() -> panel.setParameters(highReset));
        commits.clear();
        Slider vpeak = robot.lookup("#vpeak-slider").queryAs(Slider.class);
        robot.interact(() -> {
            vpeak.setValueChanging(true);
            vpeak.setValue(-45);
            vpeak.setValue(-52);
            vpeak.setValue(-55);
            vpeak.setValueChanging(false);
        });

        assertEquals(List.of(highReset.with(Parameter.VPEAK, -45)), commits);
        assertEquals("-55", field(robot, Parameter.VPEAK).getText());
        assertTrue(isInvalid(field(robot, Parameter.VPEAK)));
        assertEquals("vpeak = -55 is not allowed: vpeak must be above vreset (-50)",
                message(robot, Parameter.VPEAK).getText());
    }

    @Test
    void choosingAPresetCommitsItsParameters(FxRobot robot) {
        robot.clickOn("#preset-chooser").clickOn(Preset.REGULAR_FIRING.title());

        assertEquals(List.of(Preset.REGULAR_FIRING.parameters()), commits);
        assertEquals("-38", field(robot, Parameter.OFFSET).getText());
    }

    @Test
    void resetRestoresTheDefaults(FxRobot robot) {
        robot.interact(() -> panel.setParameters(Preset.LOCKSTEP.parameters()));
        commits.clear();

        robot.clickOn("#reset-button");

        assertEquals(List.of(DEFAULTS), commits);
        assertEquals(Preset.REFERENCE_DEFAULTS, presetChooser(robot).getValue());
    }

    @Test
    void aNewRandomSeedChangesOnlyTheSeed(FxRobot robot) {
        robot.clickOn("#new-seed-button");

        assertEquals(1, commits.size());
        NetworkParameters committed = commits.get(0);
        assertNotEquals(DEFAULTS.seed(), committed.seed());
        assertTrue(committed.seed() >= 0 && committed.seed() < 1L << 32, "seed " + committed.seed());
        assertEquals(DEFAULTS, committed.with(Parameter.SEED, DEFAULTS.seed()));
        assertEquals(Long.toString(committed.seed()), field(robot, Parameter.SEED).getText());
    }

    @Test
    void setParametersShowsEveryValueAndCommitsOnce(FxRobot robot) {
        NetworkParameters loaded = new NetworkParameters(1e-4, 1.5, 0.003, 0.02, -70, -45, 1200, 0.03, 0.003, 0.2,
                -39, 0.05, 7, 5);
        robot.interact(() -> panel.setParameters(loaded));
        WaitForAsyncUtils.sleep((long) (2 * ParameterPanel.COMMIT_DELAY.toMillis()), TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of(loaded), commits);
        for (Parameter parameter : Parameter.values()) {
            double value = loaded.get(parameter);
            assertEquals(Parameter.format(value), field(robot, parameter).getText(), parameter.key());
            Slider slider = robot.lookup("#" + parameter.key() + "-slider").queryAs(Slider.class);
            SliderScale scale = SliderScale.of(parameter);
            double expectedPosition = Math.min(Math.max(scale.toPosition(value), slider.getMin()), slider.getMax());
            assertEquals(expectedPosition, slider.getValue(), 1e-12, parameter.key());
        }
        assertNull(presetChooser(robot).getValue());
    }

    @Test
    void setParametersToTheCommittedValuesCommitsNothing(FxRobot robot) {
        robot.interact(() -> panel.setParameters(DEFAULTS));

        assertEquals(List.of(), commits);
    }

    @Test
    void setParametersClearsRefusedInput(FxRobot robot) {
        typeInto(robot, Parameter.N, "abc").type(KeyCode.ENTER);
        robot.interact(() -> panel.setParameters(Preset.QUIET.parameters()));

        assertEquals(List.of(Preset.QUIET.parameters()), commits);
        assertEquals("2000", field(robot, Parameter.N).getText());
        assertFalse(isInvalid(field(robot, Parameter.N)));
        assertFalse(message(robot, Parameter.N).isVisible());
    }

    private static FxRobot typeInto(FxRobot robot, Parameter parameter, String text) {
        TextField field = field(robot, parameter);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        return robot.write(text);
    }

    private void assertRefused(FxRobot robot, Parameter parameter, String reason) {
        assertEquals(reason, message(robot, parameter).getText());
        assertTrue(message(robot, parameter).isVisible());
        assertEquals(reason, panel.refusal(parameter));
        assertTrue(isInvalid(field(robot, parameter)));
        assertEquals(List.of(), commits);
        assertEquals(DEFAULTS, panel.getParameters());
    }

    private static TextField field(FxRobot robot, Parameter parameter) {
        return robot.lookup("#" + parameter.key() + "-field").queryAs(TextField.class);
    }

    /** The reason shown under a parameter's field. */
    private static Label message(FxRobot robot, Parameter parameter) {
        return robot.lookup("#" + parameter.key() + "-message").queryAs(Label.class);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Preset> presetChooser(FxRobot robot) {
        return robot.lookup("#preset-chooser").queryAs(ComboBox.class);
    }

    private static boolean isInvalid(TextField field) {
        return field.getPseudoClassStates().contains(PseudoClass.getPseudoClass("invalid"));
    }
}
