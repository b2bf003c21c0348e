package org.callsforinput.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.callsforinput.testing.TestDocuments;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.quarkus.test.junit.QuarkusTest;

/** Documents that must be refused through the real upload path, leaving neither a row nor an object behind. */
@QuarkusTest
class HostileDocumentTest {

    @Inject
    MinioClient minio;

    static List<Arguments> hostile() {
        return List.of(
                Arguments.of("executable renamed .docx", TestDocuments.windowsExecutable(), "report.docx", 415, "content-mismatch"),
                Arguments.of("macro-enabled Word document", TestDocuments.docm("macro"), "report.docx", 422, "macro-enabled-document"),
                Arguments.of(".docm file", TestDocuments.docm("macro"), "report.docm", 415, "unsupported-document-type"),
                Arguments.of("password-protected Word document", TestDocuments.encryptedDocx("secret", "pa55word"), "report.docx", 422, "encrypted-document"),
                Arguments.of("zip bomb (entries)", TestDocuments.zipBomb(10_001), "report.docx", 422, "zip-bomb"),
                Arguments.of("zip bomb (ratio)", TestDocuments.deflateBomb(50L * 1024 * 1024), "report.docx", 422, "zip-bomb"),
                Arguments.of("empty file", new byte[0], "report.docx", 400, "empty-file"),
                Arguments.of("truncated Word document", truncated(), "report.docx", 422, "malformed-document"),
                Arguments.of("main part not well-formed", TestDocuments.docxWithMainPart("<w:document><w:body>".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)), "report.docx", 422, "malformed-document"),
                Arguments.of("part lying about its size", TestDocuments.docxWithLyingPart("word/media/image1.png", 300, 3_000_000),
                        "report.docx", 422, "zip-bomb"),
                Arguments.of("DTD in an XML part", TestDocuments.docxWithDtd("docProps/core.xml"), "report.docx", 422, "xml-declarations"),
                Arguments.of("remote template", TestDocuments.docxWithRelationship("attachedTemplate", "http://127.0.0.1:1/t.dotm", true),
                        "report.docx", 422, "external-reference"),
                Arguments.of("INCLUDEPICTURE field", TestDocuments.docxWithField("INCLUDEPICTURE \"http://127.0.0.1:1/p.png\""),
                        "report.docx", 422, "external-reference"),
                Arguments.of("file: hyperlink", TestDocuments.docxWithRelationship("hyperlink", "file:///C:/secret.docx", true),
                        "report.docx", 422, "unsafe-hyperlink"),
                Arguments.of("right-to-left override in the name", TestDocuments.docx("x"), "report\u202Excod.docx", 400,
                        "invalid-file-name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void isRefusedAndLeavesNothingBehind(String what, byte[] content, String fileName, int status, String slug) throws Exception {
        String id = TestCalls.draft(TestCalls.openCall());
        SubmissionFlowTest.upload(id, content, fileName)
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:calls-for-input:problem:" + slug));
        given().auth().oauth2(Tokens.client("partner-odh")).when().get("/submissions/" + id)
                .then().body("documents", hasSize(0));
        assertThat(objectsUnder("submissions/" + id + "/")).isEmpty();
    }

    private List<String> objectsUnder(String prefix) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Result<Item> item : minio.listObjects(ListObjectsArgs.builder().bucket("submissions-test").prefix(prefix).recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }

    private static byte[] truncated() {
        byte[] docx = TestDocuments.docx("a document that will be cut in half");
        return java.util.Arrays.copyOf(docx, docx.length / 2);
    }
}
