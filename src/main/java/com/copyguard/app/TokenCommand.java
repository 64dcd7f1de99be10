package com.copyguard.app;

import com.copyguard.api.security.Role;
import com.copyguard.api.security.SigningKey;
import com.copyguard.api.security.TokenIssuer;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code copyguard token --data-dir D --role R [--follower F] [--subject NAME] [--ttl 1h]}: prints a
 * bearer token signed with the data directory's own key (the service must have run there once).
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Print a bearer token signed with the data directory's key.")
public final class TokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", defaultValue = "data", description = "The service's data directory. Default: ${DEFAULT-VALUE}")
    Path dataDir;

    @Option(names = "--role", required = true, split = ",",
            description = "feed, follower, desk, rules-author, rules-admin, metrics or admin; repeatable or comma-separated")
    List<String> roles;

    @Option(names = "--follower", description = "The follower id a follower token is bound to")
    String follower;

    @Option(names = "--subject", description = "Who the token identifies (journaled with every input it sends). Default: the first role")
    String subject;

    @Option(names = "--ttl", defaultValue = "1h", description = "Validity, e.g. 90s, 15m, 1h, 7d. Default: ${DEFAULT-VALUE}")
    String ttl;

    @Override
    public Integer call() {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        try {
            roles.forEach(r -> set.add(Role.of(r.trim())));
            Duration validity = parseTtl(ttl);
            SigningKey key = SigningKey.load(dataDir);
            Vertx vertx = Vertx.vertx();
            try {
                String name = subject != null ? subject : set.iterator().next().wireName();
                spec.commandLine().getOut().println(new TokenIssuer(vertx, key).issue(name, set, follower, validity));
            } finally {
                vertx.close();
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            spec.commandLine().getErr().println("token: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 2;
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** {@code 90s}, {@code 15m}, {@code 1h}, {@code 7d} or an ISO-8601 duration ({@code PT1H}). */
    static Duration parseTtl(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.matches("\\d{1,9}[smhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--ttl must look like 90s, 15m, 1h, 7d or PT1H: " + text);
        }
    }
}
