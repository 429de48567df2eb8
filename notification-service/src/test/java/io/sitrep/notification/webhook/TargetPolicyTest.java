package io.sitrep.notification.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
}
