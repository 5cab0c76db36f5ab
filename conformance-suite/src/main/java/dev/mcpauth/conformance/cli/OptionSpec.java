package dev.mcpauth.conformance.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One command-line option, declared once: its name, the argument it takes (none for a flag),
 * its help text, whether it may repeat, and how its value is read. Parsing, checking and
 * {@code --help} all come from the same declaration.
 *
 * @param <T> what a value becomes
 */
record OptionSpec<T>(String name, Optional<String> arg, String help, boolean repeatable, Parser<T> parser) {
    /** Reads one value; the message of a bad value names the option. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String option, String value) throws UsageException;
    }

    OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arg, "arg");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(parser, "parser");
    }

    static <T> OptionSpec<T> value(String name, String arg, String help, Parser<T> parser) {
        return new OptionSpec<>(name, Optional.of(arg), help, false, parser);
    }

    static <T> OptionSpec<T> repeatable(String name, String arg, String help, Parser<T> parser) {
        return new OptionSpec<>(name, Optional.of(arg), help, true, parser);
    }

    static OptionSpec<Boolean> flag(String name, String help) {
        return new OptionSpec<>(name, Optional.empty(), help, false, (option, value) -> true);
    }

    boolean isFlag() {
        return arg.isEmpty();
    }

    /** The value given, parsed; empty when the option is absent. */
    Optional<T> read(ParsedArgs args) throws UsageException {
        if (isFlag()) {
            return args.flag(name) ? Optional.of(parser.parse(name, "")) : Optional.empty();
        }
        Optional<String> raw = args.value(name);
        return raw.isPresent() ? Optional.of(parser.parse(name, raw.get())) : Optional.empty();
    }

    /** Every value given, parsed, in command-line order. */
    List<T> readAll(ParsedArgs args) throws UsageException {
        List<T> all = new ArrayList<>();
        for (String raw : args.values(name)) {
            all.add(parser.parse(name, raw));
        }
        return all;
    }

    /** {@code --name ARG}, as {@code --help} shows it. */
    String synopsis() {
        return name + arg.map(a -> " " + a).orElse("");
    }
}
