package org.steward.platform.kernel.api.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class PrivateAddressesTest {

    @Test
    void thisNetworksOwnAddressesArePrivateAndPublicOnesAreNot() throws Exception {
        for (String own : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fd12:3456::1"}) {
            assertThat(PrivateAddresses.isPrivate(InetAddress.getByName(own))).as(own).isTrue();
        }
        for (String public_ : new String[] {"8.8.8.8", "1.1.1.1", "100.128.0.1", "172.32.0.1", "2001:4860::8888"}) {
            assertThat(PrivateAddresses.isPrivate(InetAddress.getByName(public_))).as(public_).isFalse();
        }
    }

    @Test
    void aNameIsJudgedByWhatItResolvesToAndAnUnresolvableOneIsLeftToTheCall() {
        assertThat(PrivateAddresses.problem("localhost")).isPresent();
        assertThat(PrivateAddresses.problem("127.0.0.1")).isPresent();
        assertThat(PrivateAddresses.problem("[::1]".replace("[", "").replace("]", ""))).isPresent();
        assertThat(PrivateAddresses.problem("no-such-host.invalid")).isEmpty();
        assertThat(PrivateAddresses.problem(null)).isEmpty();
    }
}
