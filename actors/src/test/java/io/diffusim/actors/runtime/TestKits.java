package io.diffusim.actors.runtime;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;

/** Test kits whose default waits allow for a busy 2-core machine (explicit short waits are not stretched). */
final class TestKits {

    private TestKits() {
    }

    static ActorTestKit create() {
        return ActorTestKit.create(ConfigFactory.parseString("pekko.actor.testkit.typed.timefactor = 5")
                .withFallback(ConfigFactory.load()));
    }
}
