package org.callsforinput.gate.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkKindsTest {

    @Test
    void guessesTheKindFromTheTarget() {
        assertThat(LinkKinds.guess("https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000")).isEqualTo("legislation");
        assertThat(LinkKinds.guess("https://laws.example.org/act-12")).isEqualTo("legislation");
        assertThat(LinkKinds.guess("https://stats.example.org/stops")).isEqualTo("statistics");
        assertThat(LinkKinds.guess("https://example.org/files/annual-report-2022.pdf")).isEqualTo("report");
        assertThat(LinkKinds.guess("https://example.org/")).isEqualTo("website");
        assertThat(LinkKinds.guess("mailto:someone@example.org")).isEqualTo("other");
    }
}
