package org.callsforinput.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The audit trail is append-only, and tampering (by someone who gets around that) is detected. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    DataSource dataSource;

    @Test
    void entriesCannotBeChangedOrRemoved() throws Exception {
        new Fixtures.Submission(Fixtures.call("accountability")).send();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("update audit_entry set actor = 'mallory'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("delete from audit_entry")).hasMessageContaining("append-only");
        }
        given().auth().oauth2(Tokens.user("coordinator1")).when().get("/audit/verification")
                .then().statusCode(200).body("valid", equalTo(true)).body("brokenAt", nullValue());
    }

    @Test
    void tamperingIsDetectedWhereItHappened() throws Exception {
        String caseId = new Fixtures.Submission(Fixtures.call("accountability")).send();
        ReviewWorkflowTest.update("reviewer1", caseId, "claim", null).statusCode(200);
        long seq;
        String original;
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            var rs = sql.executeQuery("select seq, actor from audit_entry where case_id = '" + caseId + "' and action = 'case.claimed'");
            rs.next();
            seq = rs.getLong(1);
            original = rs.getString(2);
            // A database owner rewriting history: possible only by switching the trigger off.
            sql.execute("alter table audit_entry disable trigger audit_entry_no_update");
            try {
                sql.executeUpdate("update audit_entry set actor = 'mallory' where seq = " + seq);
                given().auth().oauth2(Tokens.user("coordinator1")).when().get("/audit/verification")
                        .then().statusCode(200).body("valid", equalTo(false)).body("brokenAt", equalTo((int) seq));
            } finally {
                sql.executeUpdate("update audit_entry set actor = '" + original + "' where seq = " + seq);
                sql.execute("alter table audit_entry enable trigger audit_entry_no_update");
            }
        }
        assertThat(original).isEqualTo("reviewer1");
        given().auth().oauth2(Tokens.user("admin")).when().get("/audit/verification").then().statusCode(200).body("valid", equalTo(true));
    }
}
