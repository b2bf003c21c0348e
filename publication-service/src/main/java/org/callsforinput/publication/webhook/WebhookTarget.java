package org.callsforinput.publication.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where a webhook may go: an absolute http(s) URL whose host resolves only to addresses that the
 * {@link AddressPolicy} accepts. Checked when a subscription is saved and again before every attempt, so that a
 * DNS change after the subscription does not get through.
 */
@ApplicationScoped
public class WebhookTarget {

    /** A URL that webhooks may not use, with a reason the admin can read. */
    public static class RefusedException extends Exception {

        private final boolean malformed;

        RefusedException(String message, boolean malformed) {
            super(message);
            this.malformed = malformed;
        }

        /** The URL itself is wrong (as opposed to where it leads). */
        public boolean malformed() {
            return malformed;
        }
    }

    private final AddressPolicy policy;

    public WebhookTarget(WebhookConfig config) {
        this.policy = AddressPolicy.allowing(config.allowedNetworks().orElse(List.of()));
    }

    public AddressPolicy policy() {
        return policy;
    }

    /** Parses the URL and checks every address its host resolves to. */
    public URI check(String url) throws RefusedException {
        URI uri = parse(url);
        checkAddresses(uri, policy);
        return uri;
    }

    /** The syntax rules: http or https, a host, no user info (credentials), no fragment. */
    static URI parse(String url) throws RefusedException {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new RefusedException("The URL is not valid: " + e.getReason(), true);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new RefusedException("The URL must start with http:// or https://", true);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedException("The URL has no host name", true);
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedException("The URL must not carry user credentials", true);
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedException("The URL must not have a fragment (#...)", true);
        }
        return uri;
    }

    /** Resolves the host (a literal address needs no lookup) and refuses it if any of its addresses is refused. */
    static void checkAddresses(URI uri, AddressPolicy policy) throws RefusedException {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedException("The host name " + host + " does not resolve", false);
        } catch (SecurityException | IllegalArgumentException e) {
            throw new RefusedException("The host name " + host + " cannot be resolved", false);
        }
        for (InetAddress address : addresses) {
            var refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                throw new RefusedException("The host " + host + " resolves to " + address.getHostAddress()
                        + ", a " + refusal.get() + ", which webhooks may not reach", false);
            }
        }
    }
}
