package org.carbonalliance.platform.logging;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import org.junit.Test;

public class EscapedMessageConverterTest {

    @Test
    public void plainTextIsUnchanged() {
        String text = "login failed for li.wei@example.org (清华大学)";
        assertSame(text, EscapedMessageConverter.escape(text));
    }

    @Test
    public void lineBreaksCannotStartAForgedLine() {
        assertEquals("x\\n2026-11-26 INFO forged\\r\\n", EscapedMessageConverter.escape("x\n2026-11-26 INFO forged\r\n"));
    }

    @Test
    public void otherControlsAndSeparatorsAreEscaped() {
        assertEquals("a\\u0000b\\u001bc\\t\\u2028\\u202e\\u0085",
                EscapedMessageConverter.escape("a\u0000b\u001bc\t\u2028\u202e\u0085"));
    }

    @Test
    public void nullIsWrittenAsNull() {
        assertEquals("null", EscapedMessageConverter.escape(null));
    }
}
