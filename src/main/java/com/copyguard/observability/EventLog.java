package com.copyguard.observability;

import com.copyguard.core.command.Command;
import com.copyguard.core.command.ExpertFill;
import com.copyguard.core.model.Outcome;
import com.copyguard.core.model.ReasonCode;
import com.copyguard.core.engine.DecisionRecord;
import com.copyguard.core.engine.EngineEvents;
import com.copyguard.core.engine.RiskActionRecord;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Structured log events, one per fill (never one per follower: a fill fans out to thousands),
 * per risk action, per rule activation and per refused input. Each is a log call with key/value
 * pairs ({@code event} names it); the JSON encoder (logging/JsonLineEncoder) writes them as one JSON
 * object per line. Field names are documented in dashboards/README.md.
 */
public final class EventLog implements EngineEvents {
    /** The logger all events go to, so that they can be routed or filtered as one stream. */
    public static final String LOGGER = "copyguard.events";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public void fillDecided(ExpertFill fill, List<DecisionRecord> made, long nanos) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Map<ReasonCode, Integer> reasons = new EnumMap<>(ReasonCode.class);
        Map<String, Integer> rules = new TreeMap<>();
        String ruleSet = null;
        for (DecisionRecord d : made) {
            outcomes.merge(d.outcome(), 1, Integer::sum);
            if (d.reason() != null) {
                reasons.merge(d.reason(), 1, Integer::sum);
            }
            d.rulesFired().forEach(r -> rules.merge(r, 1, Integer::sum));
            ruleSet = d.ruleSet();
        }
        int copied = outcomes.getOrDefault(Outcome.COPIED, 0);
        LOG.atInfo().addKeyValue("event", "fill_decided")
                .addKeyValue("expertId", fill.expertId())
                .addKeyValue("fillId", fill.fillId())
                .addKeyValue("symbol", fill.symbol())
                .addKeyValue("action", fill.action().name())
                .addKeyValue("status", fill.status().name())
                .addKeyValue("eventTime", fill.time())
                .addKeyValue("ruleSet", ruleSet)
                .addKeyValue("followers", made.size())
                .addKeyValue("copied", copied)
                .addKeyValue("rejected", made.size() - copied)
                .addKeyValue("reasons", reasons)
                .addKeyValue("rulesFired", rules)
                .addKeyValue("decisionMicros", nanos / 1000)
                .log("fill {} of expert {} decided for {} followers: {} copied", fill.fillId(), fill.expertId(),
                        made.size(), copied);
    }

    @Override
    public void inputRefused(Command command, String errorCode) {
        boolean serverSide = "INTERNAL_ERROR".equals(errorCode) || errorCode.startsWith("RULE_");
        LOG.atLevel(serverSide ? Level.ERROR : Level.INFO).addKeyValue("event", "input_refused")
                .addKeyValue("input", command.getClass().getSimpleName())
                .addKeyValue("code", errorCode)
                .addKeyValue("ref", reference(command))
                .log("{} refused: {}", command.getClass().getSimpleName(), errorCode);
    }

    private static String reference(Command command) {
        if (command instanceof ExpertFill f) {
            return f.expertId() + "/" + f.fillId();
        }
        return null;
    }

    @Override
    public void commitFailed(String message) {
        LOG.atError().addKeyValue("event", "journal_commit_failed").addKeyValue("message", message)
                .log("journal commit failed: {}", message);
    }

    /** One line per action: unlike metrics, logs may name the subscription, for the people investigating it. */
    @Override
    public void riskAction(RiskActionRecord r) {
        LOG.atWarn().addKeyValue("event", "risk_action")
                .addKeyValue("action", r.action())
                .addKeyValue("reason", r.reason() == null ? null : r.reason().name())
                .addKeyValue("subscriptionId", r.subscriptionId())
                .addKeyValue("accountId", r.accountId())
                .addKeyValue("symbol", r.symbol())
                .addKeyValue("side", r.side() == null ? null : r.side().name())
                .addKeyValue("qty", r.qty())
                .addKeyValue("price", r.price())
                .addKeyValue("realizedPnl", r.realizedPnl())
                .addKeyValue("ruleSet", r.ruleSet())
                .addKeyValue("rulesFired", r.rulesFired())
                .addKeyValue("eventTime", r.time())
                .addKeyValue("ref", r.ref())
                .log("risk action {} {} on subscription {}", r.action(), r.reason(), r.subscriptionId());
    }

    @Override
    public void riskIndexMissed(int accounts) {
        LOG.atError().addKeyValue("event", "risk_index_missed").addKeyValue("accounts", accounts)
                .log("index missed: a full risk sweep found {} accounts the risk index would have skipped", accounts);
    }

    @Override
    public void ruleFailure(String code, String message) {
        LOG.atError().addKeyValue("event", "rule_failure").addKeyValue("code", code).addKeyValue("inputRefused", false)
                .addKeyValue("detail", message)
                .log("rules failed after the input was applied: {}", message);
    }

    @Override
    public void profitShareFrozen(BigDecimal amount) {
        LOG.atInfo().addKeyValue("event", "profit_share_frozen").addKeyValue("amount", amount.toPlainString())
                .log("profit share frozen: {} USDT", amount.toPlainString());
    }

    @Override
    public void rulesActivated(String version, String previousVersion) {
        LOG.atInfo().addKeyValue("event", "rules_activated")
                .addKeyValue("version", version)
                .addKeyValue("previousVersion", previousVersion)
                .addKeyValue("result", "success")
                .log("rule set {} active (was {})", version, previousVersion);
    }

    @Override
    public void rulesActivationFailed(String version, String code) {
        LOG.atError().addKeyValue("event", "rules_activated")
                .addKeyValue("version", version)
                .addKeyValue("result", "failure")
                .addKeyValue("code", code)
                .log("rule set {} failed to activate: {}", version, code);
    }

    /** The service finished starting: rules compiled, journal replayed, API open. */
    public void serviceReady(String ruleSet, long replayedInputs, double recoverySeconds) {
        LOG.atInfo().addKeyValue("event", "service_ready")
                .addKeyValue("ruleSet", ruleSet)
                .addKeyValue("recoveredInputs", replayedInputs)
                .addKeyValue("recoverySeconds", recoverySeconds)
                .log("ready: rule set {}, {} journaled inputs replayed", ruleSet, replayedInputs);
    }
}
