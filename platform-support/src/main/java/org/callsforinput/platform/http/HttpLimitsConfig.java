package org.callsforinput.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The request limits every service answers with a problem+json (see {@link HttpLimits}). They sit below the HTTP
 * server's own hard limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}), which
 * Vert.x enforces itself with a bare status before any application code sees the request.
 */
@ConfigMapping(prefix = "platform.http")
public interface HttpLimitsConfig {

    /** Characters of the request target (path and query): longer is 414 {@code uri-too-long}. */
    @WithDefault("4096")
    int maxUriLength();

    /** Bytes of all header lines together ("name: value"): more is 431 {@code headers-too-large}. */
    @WithDefault("20480")
    int maxHeaderSize();
}
