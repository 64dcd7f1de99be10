package com.copyguard.json.input;

import com.copyguard.core.refusal.InputRefused;

/** Client-chosen identifiers: short, printable, safe in paths and logs. */
final class Ids {
    private Ids() {
    }

    static String check(String field, String id) {
        if (id == null || !id.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw InputRefused.invalid(field + " must be 1-64 characters of letters, digits, '.', '_', ':' or '-'");
        }
        return id;
    }
}
