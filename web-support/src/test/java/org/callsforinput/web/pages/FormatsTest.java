package org.callsforinput.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void onlyWebLinksBecomeLinks() {
        assertThat(Formats.safeHref("https://example.org/a?b=c")).isEqualTo("https://example.org/a?b=c");
        assertThat(Formats.safeHref(" http://example.org ")).isEqualTo("http://example.org");
        for (String bad : new String[] { "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,x",
                "vbscript:x", "file:///etc/passwd", "//example.org", "not a url" }) {
            assertThat(Formats.safeHref(bad)).as(bad).isNull();
        }
        assertThat(Formats.domain("https://www.ohchr.org/en/calls")).isEqualTo("www.ohchr.org");
    }

    @Test
    void aSearchMatchIsCutIntoTextAndFoundWords() {
        assertThat(Formats.pieces("… un \u27E6récépissé\u27E7 après <b>\u27E6contrôle\u27E7</b>")).containsExactly(
                new Formats.Piece("… un ", false), new Formats.Piece("récépissé", true), new Formats.Piece(" après <b>", false),
                new Formats.Piece("contrôle", true), new Formats.Piece("</b>", false));
        assertThat(Formats.pieces("unclosed \u27E6word")).containsExactly(new Formats.Piece("unclosed word", false));
        assertThat(Formats.pieces(null)).isEmpty();
    }

    @Test
    void returnPathsStayInTheApplication() {
        assertThat(Pages.localPath("/cases?view=mine")).isEqualTo("/cases?view=mine");
        for (String away : new String[] { null, "", "//evil.example", "/\\evil", "https://evil.example", "cases", "/a\nb" }) {
            assertThat(Pages.localPath(away)).as(String.valueOf(away)).isEqualTo("/");
        }
    }
}
