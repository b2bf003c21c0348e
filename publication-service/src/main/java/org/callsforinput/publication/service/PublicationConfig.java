package org.callsforinput.publication.service;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Publishing and the public outputs. */
@ConfigMapping(prefix = "publication")
public interface PublicationConfig {

    /** How often the publication job looks for contributions to copy and publish. */
    @WithDefault("2s")
    Duration jobInterval();

    /** How often a contribution whose call is not known yet is looked at again (the call's arrival wakes it too). */
    @WithDefault("1m")
    Duration pendingCallRecheck();

    /** Cache lifetime of a document download: its content never changes under its URL. */
    @WithDefault("365d")
    Duration downloadMaxAge();

    /** Entries in the feed of all calls. */
    @WithDefault("100")
    int feedSize();

    /**
     * Content-Security-Policy of the public HTML pages: they run no script, load nothing from elsewhere and cannot be
     * framed. A tool that injects its own script (the accessibility check) needs this loosened in its test profile.
     */
    @WithDefault("default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'")
    String pageContentSecurityPolicy();

    /**
     * How long a call's lookup for its public listings (the call and the summary of its publications) is reused in
     * memory: the listings are rendered and cached by that lookup, so under load a request then reaches no database.
     * A publication or retraction shows in the listings at most this much later (document downloads are never
     * cached here: a retracted document answers 410 at once). 0 turns it off.
     */
    @WithDefault("1s")
    Duration listingLookupTtl();

    /**
     * The public address of this service as the web sees it (for example https://calls.example.org), used for the
     * absolute links of feeds; defaults to the address of the request.
     */
    Optional<String> publicBaseUrl();

    /**
     * The contributor portal, where the public page of an open call links to ("Contribute"): {@code <portal>/calls/<call
     * id>?lang=<page language>}. The default is the local stack's portal; the launcher sets it from the portal's port.
     */
    @WithDefault("http://127.0.0.1:8085")
    String portalUrl();
}
