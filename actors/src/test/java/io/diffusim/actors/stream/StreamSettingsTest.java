package io.diffusim.actors.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/security.md: the metric stream is not encrypted, so a UDP channel must stay on loopback. */
class StreamSettingsTest {

    private static StreamSettings with(String channel) {
        Config config = ConfigFactory.parseMap(Map.of("diffusim.stream.channel", channel))
                .withFallback(ConfigFactory.load());
        return StreamSettings.from(config, Path.of("/tmp/data"));
    }

    @Test
    void shouldAcceptIpcAndLoopbackUdp() {
        for (String channel : new String[] {"aeron:ipc", "aeron:udp?endpoint=127.0.0.1:40456",
                "aeron:udp?endpoint=localhost:40456", "aeron:udp?endpoint=[::1]:40456",
                "aeron:udp?control=127.0.0.1:40457|control-mode=dynamic"}) {
            assertThat(with(channel).channel()).isEqualTo(channel);
        }
    }

    @Test
    void shouldRefuseUdpOffLoopbackNamingTheKey() {
        for (String channel : new String[] {"aeron:udp?endpoint=203.0.113.5:40456",
                "aeron:udp?endpoint=224.0.1.1:40456|interface=127.0.0.1", "aeron:udp?endpoint=stream.example:40456",
                "aeron:udp?endpoint=127.0.0.1:40456|interface=192.0.2.7/24", "aeron:udp?control-mode=manual"}) {
            assertThatThrownBy(() -> with(channel)).as(channel).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("diffusim.stream.channel").hasMessageContaining(channel)
                    .hasMessageContaining("a UDP channel on loopback");
        }
    }
}
