package org.carbonalliance.platform.api.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Optional;
import org.junit.Test;

public class PlainTextTest {

    @Test
    public void ordinaryNamesInAnyScriptAreFine() {
        assertEquals(Optional.empty(), PlainText.problem("Tsinghua University 清华大学", false));
        assertEquals(Optional.empty(), PlainText.problem("جامعة الملك عبدالله", false));
        assertEquals(Optional.empty(), PlainText.problem(null, false));
    }

    @Test
    public void controlCharactersAreRefusedWithTheirPosition() {
        assertEquals(Optional.of("contains a control character (U+0000) at position 5; use a single line of text"),
                PlainText.problem("Evil\u0000Corp", false));
        assertTrue(PlainText.problem("two\nlines", false).isPresent());
        assertTrue(PlainText.problem("line\u2028separator", false).isPresent());
        assertTrue(PlainText.problem("escape\u001b[31m", true).isPresent());
    }

    @Test
    public void longTextsMayHaveTabsAndLineBreaks() {
        assertEquals(Optional.empty(), PlainText.problem("First paragraph.\r\n\tSecond.", true));
    }

    @Test
    public void bidiOverridesAndIsolatesAreRefused() {
        assertEquals(Optional.of("contains a bidirectional control character (U+202E) at position 1; remove it"),
                PlainText.problem("\u202Egnp.exe", false));
        assertTrue(PlainText.problem("a\u2066b", true).isPresent());
    }
}
