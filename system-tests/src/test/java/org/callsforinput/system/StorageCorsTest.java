package org.callsforinput.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.callsforinput.testing.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.minio.BucketExistsArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.http.Method;

/**
 * The S3 server of the stack lets the contributor portal's pages, and only them, PUT a document straight to the bucket
 * through a presigned URL (CORS), as a browser does: a preflight first, then the PUT with its Origin.
 */
class StorageCorsTest {

    private static final String BUCKET = "cors-e2e";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static MinioClient minio;

    @BeforeAll
    static void bucket() throws Exception {
        minio = MinioClient.builder().endpoint(Stack.get("s3.endpoint"))
                .credentials(Stack.get("s3.access-key"), Stack.get("s3.secret-key")).build();
        if (!minio.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
            minio.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
        }
    }

    @Test
    void thePortalsOriginMayPutThroughAPresignedUrl() throws Exception {
        String portal = Stack.get("portal.url");
        String url = presignedPut("uploads/" + UUID.randomUUID() + ".docx");

        HttpResponse<String> preflight = preflight(url, portal);
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(portal);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("PUT");

        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Origin", portal)
                .header("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .PUT(HttpRequest.BodyPublishers.ofString("a document")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.headers().firstValue("Access-Control-Allow-Origin")).contains(portal);
        assertThat(put.headers().firstValue("Access-Control-Expose-Headers").orElse("")).containsIgnoringCase("ETag");
        assertThat(put.headers().firstValue("ETag")).isPresent();

        // The same portal under its other loopback name.
        String localhost = portal.replace("127.0.0.1", "localhost");
        assertThat(preflight(url, localhost).headers().firstValue("Access-Control-Allow-Origin")).contains(localhost);
    }

    @Test
    void anyOtherOriginIsNotAllowed() throws Exception {
        String url = presignedPut("uploads/" + UUID.randomUUID() + ".docx");

        for (String origin : new String[] { Stack.get("console.url"), "http://127.0.0.1:1", "https://evil.example" }) {
            HttpResponse<String> preflight = preflight(url, origin);
            assertThat(preflight.statusCode()).as(origin).isNotEqualTo(200);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as(origin).isEmpty();
        }
    }

    private static HttpResponse<String> preflight(String url, String origin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Origin", origin)
                .header("Access-Control-Request-Method", "PUT").header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String presignedPut(String key) throws Exception {
        return minio.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.PUT).bucket(BUCKET).object(key)
                .expiry(10, TimeUnit.MINUTES).build());
    }
}
