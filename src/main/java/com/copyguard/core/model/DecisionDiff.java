package com.copyguard.core.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one comparison of what two rule sets decided, used by shadow runs (live facts) and what-if
 * replays (decision logs), so "decided differently" means the same in both reports. Decisions are
 * paired by a key (the copy they decide); a pair differs when its outcome, reason or copied
 * quantity differs, and a decision only one side made differs too.
 *
 * @param <T> what a decision is carried in (a rule fact's verdict, a logged decision record)
 */
public final class DecisionDiff<T> {
    /** The fields compared, in the order differences name them. */
    public enum Field { OUTCOME, REASON, QTY }

    /** One pair that differs; {@code before} or {@code after} is null when only the other side decided. */
    public record Difference<T>(T before, T after, List<Field> fields) {
    }

    /** How many decisions of the first side were compared, and every difference in the first side's order. */
    public record Result<T>(int compared, List<Difference<T>> differences) {
    }

    private final Function<T, String> key;
    private final Function<T, CopyDecision> decision;

    public DecisionDiff(Function<T, String> key, Function<T, CopyDecision> decision) {
        this.key = key;
        this.decision = decision;
    }

    /**
     * Pairs {@code before} and {@code after} by key (several decisions under one key pair in order)
     * and lists every difference: first those of {@code before}'s decisions, in its order, then the
     * decisions only {@code after} made.
     */
    public Result<T> compare(List<T> before, List<T> after) {
        Map<String, Deque<T>> unmatched = new LinkedHashMap<>();
        for (T t : after) {
            unmatched.computeIfAbsent(key.apply(t), k -> new ArrayDeque<>()).addLast(t);
        }
        List<Difference<T>> out = new ArrayList<>();
        for (T b : before) {
            Deque<T> same = unmatched.get(key.apply(b));
            T a = same == null ? null : same.pollFirst();
            if (a == null) {
                out.add(new Difference<>(b, null, List.of(Field.values())));
                continue;
            }
            List<Field> fields = fields(decision.apply(b), decision.apply(a));
            if (!fields.isEmpty()) {
                out.add(new Difference<>(b, a, fields));
            }
        }
        unmatched.values().forEach(rest -> rest.forEach(a -> out.add(new Difference<>(null, a, List.of(Field.values())))));
        return new Result<>(before.size(), List.copyOf(out));
    }

    /** The fields in which two decisions differ; quantities compare by value (0.10 and 0.1 are the same copy). */
    public static List<Field> fields(CopyDecision before, CopyDecision after) {
        List<Field> out = new ArrayList<>(3);
        if (before.outcome() != after.outcome()) {
            out.add(Field.OUTCOME);
        }
        if (before.reason() != after.reason()) {
            out.add(Field.REASON);
        }
        if (before.qty().compareTo(after.qty()) != 0) {
            out.add(Field.QTY);
        }
        return out;
    }

    /** A short label of a change, e.g. {@code COPIED→REJECTED}, {@code COPIED→COPIED(qty)}, {@code REJECTED→REJECTED(reason)}. */
    public static String change(CopyDecision before, CopyDecision after) {
        String change = before.outcome() + "→" + after.outcome();
        if (before.outcome() != after.outcome()) {
            return change;
        }
        return change + (before.reason() != after.reason() ? "(reason)" : "(qty)");
    }
}
