package com.copyguard.core.engine;

/** A deposit: the account after it. */
public record AccountResult(AccountView account) implements Result {
    @Override
    public boolean changed() {
        return true;
    }
}
