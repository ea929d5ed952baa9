package io.diffusim.actors.protocol;

/** Marks messages that cross a process boundary; bound to Pekko's Jackson CBOR serializer in application.conf. */
public interface CborSerializable {
}
