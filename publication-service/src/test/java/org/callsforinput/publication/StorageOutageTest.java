package org.callsforinput.publication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.callsforinput.contracts.CallSnapshot;
import org.callsforinput.contracts.Decision;
import org.callsforinput.contracts.DocumentRef;
import org.callsforinput.contracts.SubmitterCategory;
import org.callsforinput.platform.storage.ObjectStorage;
import org.callsforinput.platform.storage.StorageUnavailableException;
import org.callsforinput.platform.storage.VerifiedCopy;
import org.callsforinput.publication.entity.Contribution;
import org.callsforinput.publication.service.PublicStorage;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.minio.MinioClient;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StorageOutageTest {

    @Inject
    MinioClient minio;

    @Inject
    ObjectMapper mapper;

    @Inject
    ObjectStorage objectStorage;

    @Test
    void storageOutageDelaysThePublicationAndLosesNothing() throws Exception {
        Fixtures fixtures = new Fixtures(minio, mapper);
        CallSnapshot call = fixtures.openCall();
        Fixtures.awaitCall(call);
        DocumentRef document = fixtures.docx("Patient", "patient.docx");
        // The real storage, unreachable for this document's first two reads.
        AtomicInteger outages = new AtomicInteger(2);
        QuarkusMock.installMockForType(new PublicStorage(objectStorage) {
            @Override
            public VerifiedCopy copyVerified(String bucket, String key, String sha256, long size) {
                if (key.equals(document.key()) && outages.getAndDecrement() > 0) {
                    throw new StorageUnavailableException("Connection refused", new IOException("Connection refused"));
                }
                return super.copyVerified(bucket, key, sha256, size);
            }
        }, PublicStorage.class);

        UUID submissionId = UUID.randomUUID();
        fixtures.decide(Fixtures.decision(submissionId, call, Decision.PUBLISH,
                Fixtures.named("Patient Organisation", SubmitterCategory.ACADEMIA), List.of(document)));

        Contribution published = Fixtures.awaitStatus(submissionId, Contribution.Status.PUBLISHED);
        assertThat(outages.get()).isNegative();
        assertThat(published.attempts).isGreaterThanOrEqualTo(3);
        given().when().get("/public/calls/" + call.slug()).then().statusCode(200)
                .body("groups[0].contributions.name", hasItem("Patient Organisation"));
    }
}
