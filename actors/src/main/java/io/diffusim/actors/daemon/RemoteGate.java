package io.diffusim.actors.daemon;

import io.diffusim.actors.protocol.Authenticated;
import io.diffusim.actors.protocol.FrontDoorCommand;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The only actor other processes may address (docs/security.md): a system actor at {@link RemoteSettings#GATE_PATH},
 * the one path remoting's untrusted mode lets a selection reach. It passes a request on to the front door when its
 * token is the daemon's, and otherwise answers {@link Authenticated.Refused} and logs the refusal with the address
 * the answer went to.
 */
final class RemoteGate extends AbstractBehavior<Authenticated> {

    static final String REFUSAL = "refused: the request does not carry this daemon's token (it is in daemon.json in the"
            + " daemon's data dir, readable only by the daemon's user)";

    private final String token;
    private final ActorRef<FrontDoorCommand> frontDoor;

    private RemoteGate(ActorContext<Authenticated> context, String token, ActorRef<FrontDoorCommand> frontDoor) {
        super(context);
        this.token = token;
        this.frontDoor = frontDoor;
    }

    static Behavior<Authenticated> create(String token, ActorRef<FrontDoorCommand> frontDoor) {
        return Behaviors.setup(context -> new RemoteGate(context, token, frontDoor));
    }

    @Override
    public Receive<Authenticated> createReceive() {
        return newReceiveBuilder().onMessage(Authenticated.class, this::onRequest).build();
    }

    private Behavior<Authenticated> onRequest(Authenticated request) {
        FrontDoorCommand command = request.request();
        if (command != null && RemoteToken.matches(token, request.token())) {
            frontDoor.tell(command);
            return this;
        }
        ActorRef<?> replyTo = command == null ? null : command.replyTo();
        getContext().getLog().warn("refused a remote {} without this daemon's token (answer to {})",
                command == null ? "empty request" : command.getClass().getSimpleName(),
                replyTo == null ? "nobody" : replyTo.path());
        if (replyTo != null) {
            replyTo.<Object>unsafeUpcast().tell(new Authenticated.Refused(REFUSAL));
        }
        return this;
    }
}
