package org.spikefx.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void headerThenRowsWithWholeNumbersAndExactDoubles() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvTable table = new CsvTable(out, "step", "neuron", "t");
        table.add(3).add(17).add(5e-5 * 3).endRow();
        table.add(40000).add(0).add(-65.0).endRow();
        table.finish();
        assertEquals("step,neuron,t\n3,17,1.5000000000000001E-4\n40000,0,-65.0\n",
                out.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void rowsMustFillEveryColumn() throws IOException {
        CsvTable table = new CsvTable(new ByteArrayOutputStream(), "t", "v0");
        table.add(0.5);
        assertEquals("a row of this table has 2 values, not 1",
                assertThrows(IllegalStateException.class, table::endRow).getMessage());
        table.add(1.0);
        assertThrows(IllegalStateException.class, () -> table.add(2.0));
        assertEquals("the last row of this table is not ended",
                assertThrows(IllegalStateException.class, table::finish).getMessage());
    }
}
