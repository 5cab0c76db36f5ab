package dev.mcpauth.server.memory;

import java.util.Optional;

import dev.mcpauth.server.memory.domain.Owner;

/** Who is calling: from the verified access token over HTTP, from the environment over STDIO. */
@FunctionalInterface
public interface CurrentOwner {

    /** Empty when the call carries no usable identity; memory tools then refuse to work. */
    Optional<Owner> current();
}
