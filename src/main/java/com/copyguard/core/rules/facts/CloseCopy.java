package com.copyguard.core.rules.facts;

import com.copyguard.core.model.Instrument;
import java.math.BigDecimal;
import org.kie.api.definition.type.ClassReactive;

/** One subscription's copy of an expert CLOSE fill: how much of its own copy to close. */
@ClassReactive
public final class CloseCopy extends RuleDecision {
    private final ExpertOrder order;
    private final Instrument instrument;
    private final String subscriptionId;
    private final BigDecimal positionQty;
    private BigDecimal qty;

    public CloseCopy(ExpertOrder order, Instrument instrument, String subscriptionId, BigDecimal positionQty) {
        this.order = order;
        this.instrument = instrument;
        this.subscriptionId = subscriptionId;
        this.positionQty = positionQty;
    }

    public ExpertOrder getOrder() {
        return order;
    }

    public Instrument getInstrument() {
        return instrument;
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    /** The follower's open quantity of this copy before the close. */
    public BigDecimal getPositionQty() {
        return positionQty;
    }

    /** True when the expert closes its whole position. */
    public boolean isFullClose() {
        return order.getQty().compareTo(order.getExpertPositionQty()) >= 0;
    }

    public BigDecimal getQty() {
        return qty;
    }

    public void setQty(BigDecimal qty) {
        this.qty = qty;
    }
}
