package org.callsforinput.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns a service's 4xx/5xx answer into a {@link ServiceException} carrying its problem detail. */
public abstract class ServiceErrors implements ResponseExceptionMapper<ServiceException> {

    private static final ObjectMapper JSON = new ObjectMapper();

    protected abstract String service();

    @Override
    public ServiceException toThrowable(Response response) {
        JsonNode problem = null;
        MediaType type = response.getMediaType();
        if (type != null && type.getSubtype().endsWith("json") && response.hasEntity()) {
            try {
                problem = JSON.readTree(response.readEntity(String.class));
            } catch (RuntimeException | java.io.IOException e) {
                // Not a problem detail after all: the status alone is reported.
            }
        }
        return new ServiceException(service(), response.getStatus(), problem);
    }

    public static final class Submission extends ServiceErrors {
        @Override
        protected String service() {
            return "submission-service";
        }
    }

    public static final class Review extends ServiceErrors {
        @Override
        protected String service() {
            return "review-service";
        }
    }

    public static final class Publication extends ServiceErrors {
        @Override
        protected String service() {
            return "publication-service";
        }
    }
}
