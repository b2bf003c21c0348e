package org.callsforinput.portal;

import io.smallrye.config.ConfigMapping;

/** The contributor portal's own settings (its sign-in, session and language cookie are web-support's {@code web.*}). */
@ConfigMapping(prefix = "portal")
public interface PortalConfig {

    /**
     * The public site (publication-service's pages), where calls and published contributions are read; the pages link
     * there.
     */
    String publicUrl();

    /** submission-service's address (its REST client's URL is set from it). */
    String submissionUrl();

    /**
     * The origin of the object storage that presigned uploads go to (the S3 endpoint submission-service signs for):
     * the pages' Content-Security-Policy lets the browser send documents there.
     */
    String storageOrigin();
}
