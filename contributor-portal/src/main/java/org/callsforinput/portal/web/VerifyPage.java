package org.callsforinput.portal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.callsforinput.portal.api.SubmissionApi;
import org.callsforinput.web.api.ServiceException;
import org.callsforinput.web.pages.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** Anyone pastes or uploads a receipt and sees whether the platform signed it, and what it certifies. */
@Path("/verify")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class VerifyPage {

    /** A receipt is a compact JWS of a few kilobytes; anything much larger is not one. */
    private static final long MAX_RECEIPT_BYTES = 64 * 1024;

    private final Pages pages;
    private final Messages messages;
    private final SubmissionApi api;
    private final Template verify;

    public VerifyPage(Pages pages, Messages messages, @RestClient SubmissionApi api, @Location("verify.html") Template verify) {
        this.pages = pages;
        this.messages = messages;
        this.api = api;
        this.verify = verify;
    }

    @GET
    public TemplateInstance form() {
        return pages.render(verify).data("result", null).data("error", null).data("jws", "");
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response check(@RestForm("jws") String pasted, @RestForm("file") FileUpload file) throws IOException {
        String jws = pasted == null ? "" : pasted.strip();
        if (file != null && file.size() > 0) {
            jws = file.size() > MAX_RECEIPT_BYTES ? "" : Files.readString(file.uploadedFile(), StandardCharsets.UTF_8).strip();
        }
        if (jws.isEmpty() || jws.length() > MAX_RECEIPT_BYTES) {
            return answer(400, null, messages.msg().verify_empty(), "");
        }
        try {
            return answer(200, api.verify(JsonNodeFactory.instance.objectNode().put("jws", jws)).path("receipt"), null, jws);
        } catch (ServiceException e) {
            if (!e.isClientError()) {
                throw e;
            }
            return answer(422, null, messages.msg().verify_not_genuine(), jws);
        }
    }

    private Response answer(int status, Object result, String error, String jws) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.render(verify).data("result", result).data("error", error).data("jws", jws).render()).build();
    }
}
