package org.spikefx.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URL;
import java.util.List;

import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.spikefx.ui.view.RunView;

/**
 * Every style sheet has a binary copy beside it, made by the build from the sheet itself: JavaFX reads the
 * copy instead of parsing the text, which saves a cold start about a tenth of a second.
 */
class BinaryStyleSheetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/org/spikefx/ui/theme.css", "/org/spikefx/ui/views.css",
            "/org/spikefx/ui/params/parameter-panel.css"})
    void theBinaryCopyHoldsTheSameRulesAsTheSheet(String sheet) throws IOException {
        URL text = RunView.class.getResource(sheet);
        URL binary = RunView.class.getResource(sheet.replace(".css", ".bss"));
        assertNotNull(text, sheet);
        assertNotNull(binary, "no binary copy of " + sheet + ": the build makes it (src/build/CompileStylesheets.java)");
        List<Rule> parsed = new CssParser().parse(text).getRules();
        List<Rule> read = Stylesheet.loadBinary(binary).getRules();
        assertEquals(parsed.size(), read.size());
        for (int k = 0; k < parsed.size(); k++) {
            assertEquals(describe(parsed.get(k)), describe(read.get(k)), "rule " + k + " of " + sheet);
        }
    }

    /** A rule's selectors and declarations (a binary sheet's rules decode their declarations when asked). */
    private static String describe(Rule rule) {
        StringBuilder text = new StringBuilder(rule.getSelectors().toString());
        for (Declaration declaration : rule.getDeclarations()) {
            text.append('\n').append(declaration.getProperty()).append(": ").append(declaration.getParsedValue())
                    .append(declaration.isImportant() ? " !important" : "");
        }
        return text.toString();
    }
}
