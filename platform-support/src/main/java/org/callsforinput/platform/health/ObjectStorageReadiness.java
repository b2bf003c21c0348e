package org.callsforinput.platform.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.callsforinput.platform.storage.ObjectStorage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the service's bucket can be reached. */
@Readiness
@ApplicationScoped
public class ObjectStorageReadiness implements HealthCheck {

    private final ObjectStorage storage;

    public ObjectStorageReadiness(ObjectStorage storage) {
        this.storage = storage;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            storage.ensureBucket();
            return HealthCheckResponse.named("object-storage").up().withData("bucket", storage.bucket()).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("object-storage").down()
                    .withData("bucket", storage.bucket())
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
