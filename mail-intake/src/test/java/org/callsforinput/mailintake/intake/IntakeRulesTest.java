package org.callsforinput.mailintake.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.callsforinput.mailintake.mail.ParsedMail;
import org.junit.jupiter.api.Test;

class IntakeRulesTest {

    @Test
    void linkKindsAreGuessedFromTheTarget() {
        assertThat(Intake.kind("https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006071154")).isEqualTo("legislation");
        assertThat(Intake.kind("https://eur-lex.europa.eu/eli/reg/2016/679/oj")).isEqualTo("legislation");
        assertThat(Intake.kind("https://www.insee.fr/fr/statistiques/1")).isEqualTo("statistics");
        assertThat(Intake.kind("https://odh.example/data/stops.csv")).isEqualTo("statistics");
        assertThat(Intake.kind("https://odh.example/annual-report-2022")).isEqualTo("report");
        assertThat(Intake.kind("https://odh.example/")).isEqualTo("website");
    }

    @Test
    void linksWithCredentialsOrWithoutAHostAreLeftOut() {
        assertThat(Intake.acceptableLink("https://user:pw@odh.example/x")).isFalse();
        assertThat(Intake.acceptableLink("https:///nohost")).isFalse();
        assertThat(Intake.acceptableLink("https://odh.example/" + "x".repeat(2100))).isFalse();
        assertThat(Intake.acceptableLink("https://odh.example/report")).isTrue();
    }

    @Test
    void withdrawAndConsentRequestsAreRecognisedInTheSubjectOrAtTheStartOfALine() {
        assertThat(Intake.isRequest(mail("Re: WITHDRAW EMLER-DEMO-0001", ""))).isTrue();
        assertThat(Intake.isRequest(mail("Re: Received EMLER-DEMO-0001", "Hello,\nwithdraw EMLER-DEMO-0001\nThanks"))).isTrue();
        assertThat(Intake.isRequest(mail("Re: Received EMLER-DEMO-0001", "CONSENT: publish without our name"))).isTrue();
        assertThat(Intake.isRequest(mail("Our contribution", "We do not withdraw anything."))).isFalse();
    }

    private static ParsedMail mail(String subject, String text) {
        return new ParsedMail("mail-x", Optional.empty(), "A", "a@b.example", List.of(), subject, text, List.of(), List.of(),
                Optional.empty(), ParsedMail.Automation.PERSONAL, List.of());
    }
}
