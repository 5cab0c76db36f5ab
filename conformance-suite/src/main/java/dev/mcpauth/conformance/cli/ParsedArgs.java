package dev.mcpauth.conformance.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line options after parsing: {@code --name value}, {@code --name=value} and bare
 * {@code --flag}. Unknown options, missing values, a single-value option given twice and
 * positional arguments are usage errors.
 */
final class ParsedArgs {
    private final Map<String, List<String>> values;
    private final Set<String> flags;

    private ParsedArgs(Map<String, List<String>> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    /**
     * @param args       the arguments after the command name
     * @param valued     options that take one value each
     * @param repeatable the subset of {@code valued} that may be given several times
     * @param flagNames  options without a value
     */
    static ParsedArgs parse(List<String> args, Set<String> valued, Set<String> repeatable, Set<String> flagNames)
            throws UsageException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Set<String> flags = new LinkedHashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.equals("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (flagNames.contains(name)) {
                if (equals >= 0) {
                    throw new UsageException("option " + name + " takes no value");
                }
                flags.add(name);
                continue;
            }
            if (!valued.contains(name)) {
                throw new UsageException("unknown option " + name);
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new UsageException("option " + name + " needs a value");
            }
            List<String> list = values.computeIfAbsent(name, n -> new ArrayList<>());
            if (!list.isEmpty() && !repeatable.contains(name)) {
                throw new UsageException("option " + name + " given more than once");
            }
            list.add(value);
        }
        return new ParsedArgs(values, flags);
    }

    /** Parses against a table of declared options. */
    static ParsedArgs parse(List<String> args, List<OptionSpec<?>> table) throws UsageException {
        Set<String> valued = new LinkedHashSet<>();
        Set<String> repeatable = new LinkedHashSet<>();
        Set<String> flags = new LinkedHashSet<>();
        for (OptionSpec<?> o : table) {
            (o.isFlag() ? flags : valued).add(o.name());
            if (o.repeatable()) {
                repeatable.add(o.name());
            }
        }
        return parse(args, valued, repeatable, flags);
    }

    Optional<String> value(String name) {
        List<String> list = values.get(name);
        return list == null ? Optional.empty() : Optional.of(list.getFirst());
    }

    List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return flags.contains(name);
    }
}
