package org.callsforinput.publication;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.callsforinput.contracts.CallSnapshot;
import org.callsforinput.contracts.Decision;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.publication.entity.Contribution;
import org.callsforinput.testing.Accessibility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.minio.MinioClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/** The public pages meet WCAG 2.1 AA as axe-core sees them in headless Chromium, in every language. */
@QuarkusTest
@TestProfile(CallPageAccessibilityTest.AuditorScript.class)
class CallPageAccessibilityTest {

    /** The pages' policy, plus the inline script by which the auditor injects axe-core (the only difference). */
    public static class AuditorScript implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("publication.page-content-security-policy", "default-src 'none'; style-src 'unsafe-inline';"
                    + " script-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        }
    }

    @Inject
    MinioClient minio;

    @Inject
    ObjectMapper mapper;

    @Test
    void callPageHasNoWcag21AaViolationsInEnglishFrenchAndSpanish() throws Exception {
        Fixtures fixtures = new Fixtures(minio, mapper);
        CallSnapshot call = fixtures.openCall();
        Fixtures.awaitCall(call);
        UUID named = UUID.randomUUID();
        fixtures.decide(Fixtures.decision(named, call, Decision.PUBLISH,
                Fixtures.named("Observatoire des droits humains", SubmitterCategory.NHRI),
                List.of(fixtures.docx("Contribution", "Contribution ODH.docx"), fixtures.docx("Annex", "Annexe 1.docx"))));
        UUID anonymous = UUID.randomUUID();
        fixtures.decide(Fixtures.decision(anonymous, call, Decision.PUBLISH_REDACTED,
                Fixtures.anonymous(SubmitterCategory.INDIVIDUAL), List.of(fixtures.docx("Testimony", "testimony.docx"))));
        UUID noDocument = UUID.randomUUID();
        fixtures.decide(Fixtures.decision(noDocument, call, Decision.PUBLISH,
                Fixtures.named("Kingdom of Alpha", SubmitterCategory.STATE), List.of()));
        List.of(named, anonymous, noDocument).forEach(id -> Fixtures.awaitStatus(id, Contribution.Status.PUBLISHED));

        String base = "http://127.0.0.1:" + RestAssured.port;
        for (String lang : List.of("en", "fr", "es")) {
            Accessibility.assertNoViolations(base + "/calls/" + call.slug() + "?lang=" + lang);
        }
        Accessibility.assertNoViolations(base + "/calls?lang=fr");
    }
}
