package dev.mcpauth.conformance.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Short, one-line descriptions of I/O problems for operator-facing messages. */
final class Problems {
    private Problems() {
    }

    static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> "no such file or directory";
            case AccessDeniedException x -> "permission denied";
            case NotDirectoryException x -> "not a directory";
            case FileAlreadyExistsException x -> "a file is in the way";
            case java.net.UnknownHostException x -> "unknown host " + x.getMessage();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        };
    }
}
