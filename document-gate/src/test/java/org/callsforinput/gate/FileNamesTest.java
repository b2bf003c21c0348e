package org.callsforinput.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.callsforinput.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

/** The one file-name rule, with the names an attacker or a careless program would send. */
class FileNamesTest {

    @Test
    void keepsOrdinaryNamesInAnyScriptNormalisedToNfc() {
        assertThat(FileNames.check("Contribution (final) v2.docx")).isEqualTo("Contribution (final) v2.docx");
        assertThat(FileNames.check("  réponse.pdf ")).isEqualTo("réponse.pdf");
        // "e" + COMBINING ACUTE ACCENT is stored as the one character é.
        assertThat(FileNames.check("re\u0301ponse.pdf")).isEqualTo("r\u00e9ponse.pdf");
        assertThat(FileNames.check("مساهمة.docx")).isEqualTo("مساهمة.docx");
        assertThat(FileNames.check("意见.odt")).isEqualTo("意见.odt");
        assertThat(FileNames.check("x".repeat(250) + ".docx")).hasSize(255);
    }

    @Test
    void refusesRightToLeftOverrideAndOtherInvisibleFormatting() {
        // "report\u202Excod.exe" shows as "reportexe.docx": the classic disguise.
        for (String name : List.of("report\u202Excod.exe", "a\u200Bb.docx", "\uFEFFa.docx", "a\u2066b\u2069.docx", "a\u00ADb.pdf",
                "a\u2028b.pdf", "a\uE000.pdf")) {
            ApiException refusal = refused(name);
            assertThat(refusal.getMessage()).contains("invisible formatting");
        }
    }

    @Test
    void refusesControlCharactersPathsAndDots() {
        for (String name : List.of("a\u0000b.docx", "a\nb.docx", "a\u007Fb.docx", "a\u0085b.docx")) {
            assertThat(refused(name).getMessage()).contains("control");
        }
        for (String name : List.of("../etc/passwd", "a/b.docx", "C:\\x\\a.docx", ".", "..", ".hidden.docx", "a..docx")) {
            assertThat(refused(name).getMessage()).contains("path");
        }
        assertThat(refused("x".repeat(256)).getMessage()).contains("255");
        assertThat(refused("   ").getMessage()).contains("required");
        assertThat(refused(null).getMessage()).contains("required");
    }

    private static ApiException refused(String name) {
        ApiException refusal = catchThrowableOfType(ApiException.class, () -> FileNames.check(name));
        assertThat(refusal).as(name).isNotNull();
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.slug()).isEqualTo("invalid-file-name");
        return refusal;
    }
}
