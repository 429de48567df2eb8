package io.sitrep.notification.target;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetPolicyTest {

    /** Resolves names without the network: hooks.example.com is public, internal.example.com private, rebind.example.com metadata. */
    private static InetAddress[] resolve(String host) throws java.net.UnknownHostException {
        return switch (host) {
            case "hooks.example.com" -> new InetAddress[] {InetAddress.getByName("93.184.215.14")};
            case "internal.example.com" -> new InetAddress[] {InetAddress.getByName("10.1.2.3")};
            case "mixed.example.com" -> new InetAddress[] {InetAddress.getByName("93.184.215.14"), InetAddress.getByName("127.0.0.1")};
            case "rebind.example.com" -> new InetAddress[] {InetAddress.getByName("169.254.169.254")};
            default -> InetAddress.getAllByName(host);
        };
    }

    private final TargetPolicy production = new TargetPolicy(false, TargetPolicyTest::resolve);
    private final TargetPolicy local = new TargetPolicy(true, TargetPolicyTest::resolve);

    @Test
    void aPublicHttpsTargetIsAllowed() {
        assertThatNoException().isThrownBy(() -> production.check("https://hooks.example.com/sitrep?token=abc"));
        assertThatNoException().isThrownBy(() -> production.check("http://93.184.215.14:8080/hook"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://localhost:8080/hook", "http://10.0.0.5/hook", "http://172.16.3.4/hook",
            "http://192.168.1.1/hook", "http://100.64.0.1/hook", "http://[::1]/hook", "http://[fd12:3456::1]/hook",
            "https://internal.example.com/hook", "https://mixed.example.com/hook"})
    void loopbackAndPrivateTargetsAreRefusedUnlessAllowed(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(TargetRefused.class).hasMessageContaining("private");
        assertThatNoException().isThrownBy(() -> local.check(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/", "http://100.100.100.200/",
            "http://169.254.1.1/", "http://[fe80::1]/", "http://0.0.0.0/", "http://[::]/", "http://0.1.2.3/", "http://224.0.0.251/",
            "http://255.255.255.255/", "https://rebind.example.com/hook"})
    void linkLocalMetadataUnspecifiedAndMulticastTargetsAreAlwaysRefused(String url) {
        assertThatThrownBy(() -> local.check(url)).isInstanceOf(TargetRefused.class).hasMessageContaining("never allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.example.com/", "file:///etc/passwd", "gopher://hooks.example.com/", "hooks.example.com/hook",
            "https://user:secret@hooks.example.com/", "https:///nohost", "http://exa mple.com/"})
    void onlyHttpAndHttpsUrlsWithAHostAndNoUserInfoAreAllowed(String url) {
        assertThatThrownBy(() -> local.check(url)).isInstanceOf(TargetRefused.class);
    }

    @Test
    void aNameIsCheckedByEveryAddressItResolvesToNow() {
        URI rebound = URI.create("https://rebind.example.com/hook");

        assertThatThrownBy(() -> local.check(rebound)).hasMessage("rebind.example.com resolves to 169.254.169.254, a cloud metadata "
                + "address, which is never allowed");
        assertThat(production.check(URI.create("https://hooks.example.com/"))).hasSize(1);
    }

    // Security hardening: targets are checked against an allow-list of global unicast space, and an IPv6 address
    // carrying an IPv4 address is judged by that address. One case per form, refused and allowed.
    @ParameterizedTest(name = "{0} ({2}) is {1}")
    @CsvSource({
            "0.1.2.3, refused, this network 0/8",
            "10.1.2.3, refused, private 10/8",
            "100.64.0.1, refused, shared address space 100.64/10",
            "127.0.0.2, refused, loopback 127/8",
            "169.254.10.1, refused, link-local 169.254/16",
            "172.16.0.1, refused, private 172.16/12",
            "172.31.255.255, refused, private 172.16/12 end",
            "192.0.0.8, refused, IETF protocol assignments 192.0.0/24",
            "192.0.2.10, refused, documentation 192.0.2/24",
            "192.88.99.1, refused, 6to4 relay anycast 192.88.99/24",
            "192.168.1.1, refused, private 192.168/16",
            "198.18.0.1, refused, benchmarking 198.18/15",
            "198.19.255.1, refused, benchmarking 198.18/15 end",
            "198.51.100.7, refused, documentation 198.51.100/24",
            "203.0.113.9, refused, documentation 203.0.113/24",
            "224.0.0.1, refused, multicast 224/4",
            "240.0.0.1, refused, reserved 240/4",
            "255.255.255.255, refused, broadcast",
            "93.184.215.14, allowed, global IPv4",
            "172.32.0.1, allowed, just past 172.16/12",
            "100.128.0.1, allowed, just past 100.64/10",
            "198.20.0.1, allowed, just past 198.18/15",
            "::ffff:10.0.0.1, refused, IPv4-mapped private",
            "::ffff:93.184.215.14, allowed, IPv4-mapped global",
            "::127.0.0.1, refused, IPv4-compatible loopback",
            "::93.184.215.14, allowed, IPv4-compatible global",
            "64:ff9b::a9fe:a9fe, refused, NAT64 of 169.254.169.254",
            "64:ff9b::5db8:d70e, allowed, NAT64 of 93.184.215.14",
            "64:ff9b:1:7f00:1:0:0:0, refused, local-use NAT64 /48 of 127.0.0.1",
            "64:ff9b:1::5db8:d70e, refused, local-use NAT64 whose /48 reading is 0.0.0.0",
            "64:ff9b:1:5db8:d7:e5d:b8d7:e5d, allowed, local-use NAT64 that reads 93.184.x.x at every length",
            "64:ff9b:2::1, refused, other 64:ff9b space",
            "2002:c0a8:0101::1, refused, 6to4 of 192.168.1.1",
            "2002:5db8:d70e::1, allowed, 6to4 of 93.184.215.14",
            "2001:0:4136:e378:8000:63bf:80ff:fffe, refused, Teredo whose client is 127.0.0.1",
            "2001:0:4136:e378:8000:63bf:a247:28f1, allowed, Teredo whose client is 93.184.215.14",
            "2001:0:c0a8:0101:8000:63bf:a247:28f1, refused, Teredo whose server is 192.168.1.1",
            "2001:2::1, refused, IETF protocol assignments 2001::/23 (benchmarking)",
            "2001:1ff::1, refused, IETF protocol assignments 2001::/23 end",
            "2001:200::1, allowed, just past 2001::/23",
            "2001:db8::1, refused, documentation 2001:db8::/32",
            "3fff::1, refused, documentation 3fff::/20",
            "3fff:1000::1, allowed, just past 3fff::/20",
            "2606:4700::1111, allowed, global unicast 2000::/3",
            "4000::1, refused, outside 2000::/3",
            "100::1, refused, discard-only 100::/64",
            "::1, refused, loopback",
            "::, refused, unspecified",
            "fc00::1, refused, unique local fc00::/7",
            "fe80::1, refused, link-local fe80::/10",
            "ff02::1, refused, multicast ff00::/8",
    })
    void onlyGlobalUnicastAddressesAreAllowedWhateverTheirForm(String literal, String expected, String form) throws Exception {
        InetAddress address = parse(literal);

        String refusal = production.refusal(address);

        if (expected.equals("allowed")) {
            assertThat(refusal).as(form).isNull();
        } else {
            assertThat(refusal).as(form).isNotNull();
        }
    }

    @Test
    void anEmbeddedAddressIsNamedInTheRefusal() throws Exception {
        assertThat(production.refusal(parse("64:ff9b::a9fe:a9fe"))).isEqualTo("a NAT64 address of 169.254.169.254, a cloud metadata "
                + "address, which is never allowed");
        assertThat(local.refusal(parse("2002:c0a8:0101::1"))).isNull();
        assertThatThrownBy(() -> production.check(URI.create("http://[::ffff:10.0.0.1]/hook"))).hasMessageContaining("private");
    }

    /** An address as written; IPv4-mapped stays IPv6 (the JDK would turn it into IPv4 by itself). */
    private static InetAddress parse(String literal) throws Exception {
        InetAddress parsed = InetAddress.getByName(literal);
        if (literal.startsWith("::ffff:") && !(parsed instanceof Inet6Address)) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xFF;
            mapped[11] = (byte) 0xFF;
            System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
            return Inet6Address.getByAddress(null, mapped, -1);
        }
        return parsed;
    }
}
