package org.callsforinput.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.callsforinput.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest {

    @Test
    void theDocumentKeepsThePlatformsContract() {
        assertThat(OpenApiContract.ofService().breaches()).isEmpty();
    }

    @Test
    void theWebhookAdministrationAnswersAreDocumented() {
        OpenApiContract contract = OpenApiContract.ofService();
        assertThat(contract.codes("post", "/admin/webhooks/subscriptions")).contains("201", "400").doesNotContain("200");
        assertThat(contract.response("post", "/admin/webhooks/subscriptions", "201").path("headers").has("Location")).isTrue();
        assertThat(contract.problemTypes("post", "/admin/webhooks/subscriptions", "400"))
                .contains("invalid-webhook-url", "webhook-target-refused", "validation-failed");
        assertThat(contract.codes("delete", "/admin/webhooks/subscriptions/{id}")).contains("204", "404").doesNotContain("200");
        assertThat(contract.codes("post", "/admin/webhooks/deliveries/{id}/redeliver")).contains("202", "404", "409")
                .doesNotContain("200");
        assertThat(contract.problemTypes("post", "/admin/webhooks/deliveries/{id}/redeliver", "409"))
                .containsExactly("delivery-in-progress");
        assertThat(contract.problemTypes("get", "/admin/webhooks/subscriptions/{id}", "404")).containsExactly("not-found");
        assertThat(contract.codes("post", "/admin/webhooks/re-encrypt-secrets")).contains("200", "401", "403");
    }
}
