package org.callsforinput.publication.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SSRF policy, a pure function of an address: webhooks reach public unicast addresses only, unless an address
 * lies in one of the configured allowed networks. IPv6 forms that carry an IPv4 address (IPv4-mapped, NAT64, 6to4)
 * are judged by the IPv4 address they carry.
 */
public final class AddressPolicy {

    /** A CIDR network such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
    public record Network(byte[] prefix, int bits) {

        private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
        private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

        /** Parses a CIDR (an address alone is a single host); address literals only, never a name to look up. */
        public static Network parse(String cidr) {
            String text = cidr.strip();
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
                throw new IllegalArgumentException("Not an IP network: '" + cidr + "'");
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(address).getAddress(); // a literal: no lookup happens
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Not an IP network: '" + cidr + "'", e);
            }
            if (address.contains(":") && bytes.length == 4) {
                // Java turns ::ffff:a.b.c.d into an IPv4 address: keep the IPv6 form that was written.
                bytes = mapped(bytes);
            }
            int bits;
            try {
                bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not an IP network: '" + cidr + "'", e);
            }
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("Prefix length out of range: '" + cidr + "'");
            }
            return new Network(bytes, bits);
        }

        public boolean contains(InetAddress address) {
            return contains(address.getAddress());
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (prefix[full] & mask);
        }

        @Override
        public String toString() {
            try {
                return InetAddress.getByAddress(prefix).getHostAddress() + "/" + bits;
            } catch (UnknownHostException e) {
                return Arrays.toString(prefix) + "/" + bits;
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Network n && n.bits == bits && Arrays.equals(n.prefix, prefix);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(prefix) + bits;
        }
    }

    private record Range(Network network, String reason) {
        static Range of(String cidr, String reason) {
            return new Range(Network.parse(cidr), reason);
        }
    }

    private static final List<Range> REFUSED_V4 = List.of(
            Range.of("0.0.0.0/8", "'this network' address (0.0.0.0/8)"),
            Range.of("10.0.0.0/8", "private address (RFC 1918)"),
            Range.of("100.64.0.0/10", "shared address space, carrier-grade NAT (100.64.0.0/10)"),
            Range.of("127.0.0.0/8", "loopback address"),
            Range.of("169.254.0.0/16", "link-local address (169.254.0.0/16)"),
            Range.of("172.16.0.0/12", "private address (RFC 1918)"),
            Range.of("192.0.0.0/24", "IETF protocol assignment (192.0.0.0/24)"),
            Range.of("192.0.2.0/24", "documentation address (192.0.2.0/24)"),
            Range.of("192.88.99.0/24", "6to4 relay anycast (192.88.99.0/24)"),
            Range.of("192.168.0.0/16", "private address (RFC 1918)"),
            Range.of("198.18.0.0/15", "benchmarking address (198.18.0.0/15)"),
            Range.of("198.51.100.0/24", "documentation address (198.51.100.0/24)"),
            Range.of("203.0.113.0/24", "documentation address (203.0.113.0/24)"),
            Range.of("224.0.0.0/4", "multicast address"),
            Range.of("240.0.0.0/4", "reserved or broadcast address (240.0.0.0/4)"));

    private static final List<Range> REFUSED_V6 = List.of(
            Range.of("::/128", "unspecified address (::)"),
            Range.of("::1/128", "loopback address (::1)"),
            Range.of("::/96", "IPv4-compatible IPv6 address (deprecated)"),
            Range.of("64:ff9b:1::/48", "local-use NAT64 address (64:ff9b:1::/48)"),
            Range.of("100::/64", "discard-only address (100::/64)"),
            Range.of("2001::/23", "IETF protocol assignment or Teredo (2001::/23)"),
            Range.of("2001:db8::/32", "documentation address (2001:db8::/32)"),
            Range.of("3fff::/20", "documentation address (3fff::/20)"),
            Range.of("5f00::/16", "segment routing address (5f00::/16)"),
            Range.of("fc00::/7", "unique local address (fc00::/7)"),
            Range.of("fe80::/10", "link-local address (fe80::/10)"),
            Range.of("fec0::/10", "site-local address (fec0::/10, deprecated)"),
            Range.of("ff00::/8", "multicast address"));

    private static final Network MAPPED = Network.parse("::ffff:0:0/96");
    private static final Network NAT64 = Network.parse("64:ff9b::/96");
    private static final Network SIX_TO_FOUR = Network.parse("2002::/16");

    private final List<Network> allowed;

    private AddressPolicy(List<Network> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** The default policy: public unicast addresses only. */
    public static AddressPolicy strict() {
        return new AddressPolicy(List.of());
    }

    /** Public unicast addresses, and any address in these CIDR networks. */
    public static AddressPolicy allowing(List<String> cidrs) {
        return new AddressPolicy(cidrs.stream().filter(c -> !c.isBlank()).map(Network::parse).toList());
    }

    public List<Network> allowed() {
        return allowed;
    }

    /** Why webhooks may not reach this address, or empty when they may. */
    public Optional<String> refusal(InetAddress address) {
        return refusal(address.getAddress());
    }

    private Optional<String> refusal(byte[] address) {
        if (allowed.stream().anyMatch(network -> network.contains(address))) {
            return Optional.empty();
        }
        if (address.length == 4) {
            return reason(REFUSED_V4, address);
        }
        // IPv6 that carries an IPv4 address: the IPv4 address decides (allowances included).
        if (MAPPED.contains(address) || NAT64.contains(address)) {
            return refusal(Arrays.copyOfRange(address, 12, 16)).map(reason -> "IPv6 form of a " + reason);
        }
        if (SIX_TO_FOUR.contains(address)) {
            return refusal(Arrays.copyOfRange(address, 2, 6)).map(reason -> "6to4 form of a " + reason);
        }
        return reason(REFUSED_V6, address);
    }

    private static Optional<String> reason(List<Range> ranges, byte[] address) {
        return ranges.stream().filter(range -> range.network().contains(address)).findFirst().map(Range::reason);
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, bytes, 12, 4);
        return bytes;
    }
}
