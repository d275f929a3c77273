package cn.p2psupervision.demo;

import java.net.URI;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --name=value} options; unknown or malformed options are refused. */
final class Options {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();

    Options(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "' (options are --name value)");
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                values.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                values.put(arg.substring(2), args.get(++i));
            } else {
                values.put(arg.substring(2), "true");
            }
        }
    }

    String string(String name, String fallback) {
        used.add(name);
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback, int min, int max) {
        String value = string(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.replace("_", "").replace(",", ""));
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException("--" + name + " must lie between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, was '" + value + "'");
        }
    }

    /** {@code --name} alone (or {@code --name true|false}): whether it is set. */
    boolean flag(String name) {
        String value = string(name, "false");
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("--" + name + " takes no value, was '" + value + "'");
        };
    }

    long longValue(String name, long fallback) {
        String value = string(name, null);
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, was '" + value + "'");
        }
    }

    YearMonth month(String name, YearMonth fallback) {
        String value = string(name, null);
        try {
            return value == null ? fallback : YearMonth.parse(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--" + name + " is a month yyyy-MM, was '" + value + "'");
        }
    }

    List<Integer> integers(String name, String fallback) {
        List<Integer> list = new ArrayList<>();
        for (String part : string(name, fallback).split(",")) {
            try {
                int value = Integer.parseInt(part.trim());
                if (value < 1 || value > 5000) {
                    throw new IllegalArgumentException("--" + name + ": each value must lie between 1 and 5000");
                }
                list.add(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " is a comma-separated list of numbers, was '"
                        + string(name, fallback) + "'");
            }
        }
        return list;
    }

    /** A base URL on this machine: the tools never send load or credentials elsewhere. */
    URI localUrl(String name, String fallback) {
        String value = string(name, fallback);
        URI uri;
        try {
            uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + name + " is not a URL: " + value);
        }
        String host = uri.getHost();
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
                || !("localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host) || "::1".equals(host))) {
            throw new IllegalArgumentException("--" + name + " must be an http(s) URL on localhost, was " + value);
        }
        return uri;
    }

    /** Fails on options nobody asked for (typos). Call after reading every option. */
    void requireAllUsed() {
        for (String name : values.keySet()) {
            if (!used.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name);
            }
        }
    }
}
