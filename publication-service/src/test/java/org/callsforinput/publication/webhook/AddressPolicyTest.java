package org.callsforinput.publication.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard as a pure function of addresses: no connection, no name lookup (literals only). */
class AddressPolicyTest {

    private final AddressPolicy strict = AddressPolicy.strict();

    @ParameterizedTest
    @ValueSource(strings = {
            "0.0.0.0", "0.1.2.3", // this network, any-local
            "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.254", "192.168.1.1", // RFC 1918
            "100.64.0.1", "100.127.255.254", // CGNAT
            "127.0.0.1", "127.1.2.3", // loopback
            "169.254.169.254", "169.254.0.1", // link-local, cloud metadata
            "192.0.0.8", "192.0.2.10", "198.51.100.7", "203.0.113.9", "198.18.0.1", "192.88.99.1",
            "224.0.0.1", "239.255.255.250", // multicast
            "240.0.0.1", "255.255.255.255" // reserved, broadcast
    })
    void refusesNonPublicIpv4(String address) throws Exception {
        assertThat(strict.refusal(literal(address))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "::", "::1", // unspecified, loopback
            "fc00::1", "fd12:3456:789a::1", // unique local
            "fe80::1", "febf::1", // link-local
            "fec0::1", // site-local
            "ff02::1", "ff05::1:3", // multicast
            "2001:db8::1", "100::1", "2001::1", "64:ff9b:1::1", "::0.0.0.2"
    })
    void refusesNonPublicIpv6(String address) throws Exception {
        assertThat(strict.refusal(literal(address))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:100.64.0.1",
            "64:ff9b::a00:1", "64:ff9b::7f00:1", "2002:a00:1::1", "2002:7f00:1::" })
    void refusesIpv6FormsThatCarryANonPublicIpv4(String address) throws Exception {
        assertThat(strict.refusal(rawIpv6(address))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "8.8.8.8", "1.1.1.1", "93.184.216.34", "100.63.255.255", "100.128.0.0", "172.15.255.255",
            "172.32.0.0", "192.167.255.255", "169.253.255.255", "2606:4700:4700::1111", "2a00:1450:4001::1" })
    void acceptsPublicUnicast(String address) throws Exception {
        assertThat(strict.refusal(literal(address))).isEmpty();
    }

    @Test
    void acceptsIpv6FormsOfAPublicIpv4() throws Exception {
        assertThat(strict.refusal(rawIpv6("::ffff:8.8.8.8"))).isEmpty();
        assertThat(strict.refusal(rawIpv6("64:ff9b::808:808"))).isEmpty();
    }

    @Test
    void allowedNetworksOpenExactlyWhatTheySay() throws Exception {
        AddressPolicy testing = AddressPolicy.allowing(List.of("127.0.0.1/32"));

        assertThat(testing.refusal(literal("127.0.0.1"))).isEmpty();
        assertThat(testing.refusal(rawIpv6("::ffff:127.0.0.1"))).isEmpty();
        assertThat(testing.refusal(literal("127.0.0.2"))).isPresent();
        assertThat(testing.refusal(literal("::1"))).isPresent();
        assertThat(testing.refusal(literal("10.0.0.1"))).isPresent();

        AddressPolicy internal = AddressPolicy.allowing(List.of("10.20.0.0/16", "fd00:1::/32"));
        assertThat(internal.refusal(literal("10.20.3.4"))).isEmpty();
        assertThat(internal.refusal(literal("10.21.0.1"))).isPresent();
        assertThat(internal.refusal(literal("fd00:1:ffff::1"))).isEmpty();
        assertThat(internal.refusal(literal("fd00:2::1"))).isPresent();
    }

    @Test
    void cidrAcceptsLiteralsOnly() {
        assertThat(AddressPolicy.Network.parse("100.64.0.0/10").contains(bytes(100, 127, 255, 255))).isTrue();
        assertThat(AddressPolicy.Network.parse("100.64.0.0/10").contains(bytes(100, 128, 0, 0))).isFalse();
        assertThat(AddressPolicy.Network.parse("192.0.2.1").bits()).isEqualTo(32);
        assertThatThrownBy(() -> AddressPolicy.Network.parse("localhost/8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressPolicy.Network.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressPolicy.Network.parse("10.0.0.0/x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultPolicyRefusesALoopbackReceiver() {
        assertThatThrownBy(() -> WebhookTarget.checkAddresses(URI.create("http://127.0.0.1:8080/hook"), strict))
                .isInstanceOf(WebhookTarget.RefusedException.class)
                .hasMessageContaining("127.0.0.1").hasMessageContaining("loopback");
        assertThatThrownBy(() -> WebhookTarget.checkAddresses(URI.create("http://[::1]:8080/hook"), strict))
                .isInstanceOf(WebhookTarget.RefusedException.class);
        assertThatThrownBy(() -> WebhookTarget.checkAddresses(URI.create("http://[::ffff:169.254.169.254]/"), strict))
                .isInstanceOf(WebhookTarget.RefusedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://192.0.2.1/x", "file:///etc/passwd", "/relative/path", "http://user:pw@192.0.2.1/",
            "https://192.0.2.1/hook#frag", "http:///nohost", "not a url", "gopher://192.0.2.1/" })
    void refusesMalformedUrls(String url) {
        assertThatThrownBy(() -> WebhookTarget.parse(url))
                .isInstanceOfSatisfying(WebhookTarget.RefusedException.class, e -> assertThat(e.malformed()).isTrue());
    }

    private static InetAddress literal(String address) throws UnknownHostException {
        return InetAddress.getByName(address); // a literal: no lookup
    }

    /** An IPv6 address as sent on the wire, even when Java would turn it into IPv4 (IPv4-mapped). */
    private static InetAddress rawIpv6(String address) throws UnknownHostException {
        byte[] bytes = AddressPolicy.Network.parse(address).prefix();
        return Inet6Address.getByAddress(null, bytes, -1);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
