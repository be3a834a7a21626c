package org.spikefx.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.spikefx.engine.force.ForceNetwork;
import org.spikefx.params.NetworkParameters;
import org.spikefx.params.Parameter;
import org.spikefx.params.TargetShape;
import org.spikefx.params.TrainingParameter;
import org.spikefx.params.TrainingParameters;

/** Config files with training settings and a decoder: written, read back, and refused when broken. */
class TrainingConfigFileTest {
    private static final NetworkParameters PARAMS = NetworkParameters.DEFAULTS.with(Parameter.NREC, 2).with(Parameter.N, 4);
    private static final TrainingParameters SETTINGS = TrainingParameters.DEFAULTS
            .with(TrainingParameter.Q, 7.5).with(TrainingParameter.RLS_STEP, 20)
            .with(TrainingParameter.TRAIN_START, 1).with(TrainingParameter.TRAIN_STOP, 2)
            .withTarget(TargetShape.VANDERPOL, null);

    @TempDir
    Path folder;

    @Test
    void theTrainingSettingsAndTheDecoderComeBackAsTheyWereSaved() throws Exception {
        double[] decoder = {0.25, -1e-3, 3.5e-7, 0};
        RunConfig saved = new RunConfig(PARAMS, ViewSettings.defaults(4), new TrainingConfig(SETTINGS, decoder));
        Path file = folder.resolve("trained.json");
        RunConfigFile.write(file, saved);

        Path npy = folder.resolve("trained_decoder.npy");
        assertTrue(Files.exists(npy), "the decoder beside the config");
        assertTrue(Files.readString(file).contains("\"decoder\" : \"trained_decoder.npy\""));
        RunConfig read = RunConfigFile.read(file);
        assertEquals(saved, read);
        assertArrayEquals(decoder, read.training().decoder());
        assertEquals(TargetShape.VANDERPOL, read.training().parameters().target());
    }

    @Test
    void settingsWithoutADecoderAndConfigsWithoutTrainingReadAsSaved() throws Exception {
        Path file = folder.resolve("settings.json");
        RunConfigFile.write(file, new RunConfig(PARAMS, ViewSettings.defaults(4), new TrainingConfig(SETTINGS, null)));
        assertFalse(Files.exists(folder.resolve("settings_decoder.npy")));
        RunConfig read = RunConfigFile.read(file);
        assertEquals(SETTINGS, read.training().parameters());
        assertNull(read.training().decoder());

        Path spontaneous = folder.resolve("spontaneous.json");
        RunConfigFile.write(spontaneous, RunConfig.withDefaultView(PARAMS));
        assertNull(RunConfigFile.read(spontaneous).training());
    }

    @Test
    void aVersionOneConfigIsStillRead() throws Exception {
        Path file = folder.resolve("old.json");
        Files.writeString(file, "{\"format\": \"spikefx-config\", \"version\": 1, \"params\": "
                + RunConfigFile.toJson(PARAMS) + "}");
        RunConfig read = RunConfigFile.read(file);
        assertEquals(PARAMS, read.params());
        assertNull(read.training());
    }

    @Test
    void aDecoderOfTheWrongSizeOrAMissingOneIsRefusedWithOneLine() throws Exception {
        Path file = folder.resolve("trained.json");
        RunConfigFile.write(file, new RunConfig(PARAMS, ViewSettings.defaults(4),
                new TrainingConfig(SETTINGS, new double[] {1, 2, 3, 4})));
        String json = Files.readString(file).replace("\"n\" : 4", "\"n\" : 5");
        Path larger = folder.resolve("larger.json");
        Files.writeString(larger, json.replace("trained_decoder.npy", "trained_decoder.npy"));
        ConfigException wrongSize = assertThrows(ConfigException.class, () -> RunConfigFile.read(larger));
        assertTrue(wrongSize.getMessage().contains("training.decoder trained_decoder.npy has 4 weights: it must have"
                + " one per neuron, n = 5"), wrongSize.getMessage());
        assertFalse(wrongSize.getMessage().contains("\n"));

        Files.delete(folder.resolve("trained_decoder.npy"));
        ConfigException missing = assertThrows(ConfigException.class, () -> RunConfigFile.read(file));
        assertTrue(missing.getMessage().contains("training.decoder trained_decoder.npy cannot be read: the file is not"
                + " there"), missing.getMessage());
    }

    @Test
    void aBadTrainingValueIsNamedByItsPath() throws Exception {
        Path file = folder.resolve("bad.json");
        RunConfigFile.write(file, new RunConfig(PARAMS, ViewSettings.defaults(4), new TrainingConfig(SETTINGS, null)));
        Files.writeString(file, Files.readString(file).replace("\"rls-step\" : 20", "\"rls-step\" : 1"));
        ConfigException refused = assertThrows(ConfigException.class, () -> RunConfigFile.read(file));
        assertTrue(refused.getMessage().contains("training.rls-step = 1 is not allowed"), refused.getMessage());
    }

    /** A state of the 4 neurons: six arrays of four, every value distinct. */
    private static ForceNetwork.State state() {
        double[] flat = new double[ForceNetwork.State.ARRAYS * 4];
        for (int k = 0; k < flat.length; k++) {
            flat[k] = -60 + k / 7.0;
        }
        return ForceNetwork.State.of(123_456, 0.3141, flat);
    }

    @Test
    void theStateOfATrainedNetworkComesBackAsItWasSaved() throws Exception {
        RunConfig saved = new RunConfig(PARAMS, ViewSettings.defaults(4),
                new TrainingConfig(SETTINGS, new double[] {1, 2, 3, 4}, state()));
        Path file = folder.resolve("trained.json");
        RunConfigFile.write(file, saved);

        assertTrue(Files.exists(folder.resolve("trained_state.npy")), "the state beside the config");
        RunConfig read = RunConfigFile.read(file);
        assertEquals(saved, read);
        ForceNetwork.State state = read.training().state();
        assertEquals(123_456, state.step());
        assertEquals(0.3141, state.z());
        assertArrayEquals(state().flat(), state.flat());
        assertArrayEquals(new double[] {-60 + 12 / 7.0, -60 + 13 / 7.0, -60 + 14 / 7.0, -60 + 15 / 7.0},
                state.tlast(), "the fourth array is tlast");
    }

    @Test
    void aBrokenStateIsRefusedWithOneLine() throws Exception {
        Path file = folder.resolve("trained.json");
        RunConfigFile.write(file, new RunConfig(PARAMS, ViewSettings.defaults(4),
                new TrainingConfig(SETTINGS, new double[] {1, 2, 3, 4}, state())));
        String json = Files.readString(file);

        Path negative = folder.resolve("negative.json");
        Files.writeString(negative, json.replace("\"step\" : 123456", "\"step\" : -1"));
        ConfigException refused = assertThrows(ConfigException.class, () -> RunConfigFile.read(negative));
        assertTrue(refused.getMessage().contains("training.state.step = -1 is not allowed: step must be a whole number"
                + " of steps, at least 0"), refused.getMessage());

        Path larger = folder.resolve("larger.json");
        Files.writeString(larger, json.replace("\"n\" : 4", "\"n\" : 5"));
        Files.copy(folder.resolve("trained_decoder.npy"), folder.resolve("larger_decoder.npy"));
        refused = assertThrows(ConfigException.class, () -> RunConfigFile.read(larger));
        assertFalse(refused.getMessage().contains("\n"));

        Files.delete(folder.resolve("trained_state.npy"));
        refused = assertThrows(ConfigException.class, () -> RunConfigFile.read(file));
        assertTrue(refused.getMessage().contains("training.state trained_state.npy cannot be read: the file is not"
                + " there"), refused.getMessage());
    }
}
