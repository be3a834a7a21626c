package org.spikefx.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTableTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Test
    void wholeNumbersPlainDecimalTimesAndExactDoubles() throws IOException {
        try (CsvTable table = CsvTable.withTime(Path.of("t.csv"), bytes, List.of("step", "neuron", "t", "v"), 5e-5)) {
            table.add(3).add(17).addTime(3).add(0.1 + 0.2).endRow();
            table.add(40000).add(0).addTime(40000).add(-65.0).endRow();
        }
        assertEquals("step,neuron,t,v\n3,17,0.00015,0.30000000000000004\n40000,0,2.00000,-65.0\n",
                bytes.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void timesHaveTheDecimalsOfDtAsWritten() throws IOException {
        try (CsvTable table = CsvTable.withTime(Path.of("t.csv"), bytes, List.of("t"), 2e-4)) {
            table.addTime(0).endRow();
            table.addTime(7).endRow();
            table.addTime(10000).endRow();
        }
        assertEquals("t\n0.0000\n0.0014\n2.0000\n", bytes.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void aTableWithoutTimeStepHasNoTimes() throws IOException {
        CsvTable table = CsvTable.open(Path.of("spikes.csv"), bytes, List.of("step", "neuron"));
        assertEquals("this table has no time step to compute times with",
                assertThrows(IllegalStateException.class, () -> table.addTime(1)).getMessage());
    }

    @Test
    void rowsMustFillEveryColumn() throws IOException {
        CsvTable table = CsvTable.open(Path.of("v.csv"), bytes, List.of("t", "v0"));
        table.add(0.5);
        assertEquals("a row of this table has 2 values, not 1",
                assertThrows(IllegalStateException.class, table::endRow).getMessage());
        table.add(1.0);
        assertThrows(IllegalStateException.class, () -> table.add(2.0));
        assertEquals("the last row of this table is not ended",
                assertThrows(IllegalStateException.class, table::close).getMessage());
    }
}
