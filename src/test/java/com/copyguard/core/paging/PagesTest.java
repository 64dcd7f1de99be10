package com.copyguard.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.copyguard.core.refusal.InputRefused;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The one pagination walk: following cursors yields exactly the matching items, newest first, once each. */
class PagesTest {
    @Property(tries = 300)
    void walkingEveryPageYieldsTheFilteredListOnce(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 9) Integer> values,
                                                   @ForAll @IntRange(min = 1, max = 40) int limit,
                                                   @ForAll @IntRange(min = 0, max = 9) int keepBelow) {
        // positions 0..n-1 in arrival order; the source yields newest first
        Predicate<Long> filter = p -> values.get(p.intValue()) < keepBelow;
        List<Long> expected = new ArrayList<>();
        for (long p = values.size() - 1; p >= 0; p--) {
            if (filter.test(p)) {
                expected.add(p);
            }
        }
        List<Long> walked = new ArrayList<>();
        PageRequest request = PageRequest.first(limit);
        int pages = 0;
        while (true) {
            Page<Long> page = Pages.walk(newestFirst(values.size()).iterator(), p -> p, filter, request);
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            walked.addAll(page.items());
            pages++;
            if (page.next() == null) {
                break;
            }
            assertThat(page.items()).hasSize(limit);
            request = new PageRequest(limit, Cursor.decode(Cursor.encode(page.next())));
        }
        assertThat(walked).isEqualTo(expected);
        assertThat(pages).isEqualTo(Math.max(1, (expected.size() + limit - 1) / limit));
    }

    @Property(tries = 300)
    void walkingOldestFirstAfterAPositionYieldsTheRestInOrderOnce(
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 9) Integer> values,
            @ForAll @IntRange(min = 1, max = 40) int limit, @ForAll @IntRange(min = 0, max = 9) int keepBelow,
            @ForAll @IntRange(min = 0, max = 310) int after) {
        Predicate<Long> filter = p -> values.get(p.intValue()) < keepBelow;
        List<Long> expected = new ArrayList<>();
        for (long p = after + 1; p < values.size(); p++) {
            if (filter.test(p)) {
                expected.add(p);
            }
        }
        List<Long> walked = new ArrayList<>();
        PageRequest request = PageRequest.oldestFirstAfter(limit, after);
        while (true) {
            Page<Long> page = Pages.walk(newestFirst(values.size()).iterator(), p -> p, filter, request);
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            walked.addAll(page.items());
            if (page.next() == null) {
                break;
            }
            assertThat(page.items()).hasSize(limit);
            request = Cursor.request(page.nextCursor(), limit);
            assertThat(request.oldestFirst()).as("the next page continues the same way").isTrue();
        }
        assertThat(walked).isEqualTo(expected);
    }

    @Test
    void eitherCursorIsReadAsItsWalkAndTheNewestFirstDecoderRefusesTheOther() {
        assertThat(Cursor.request(null, 5)).isEqualTo(PageRequest.first(5));
        assertThat(Cursor.request(Cursor.encode(9), 5)).isEqualTo(new PageRequest(5, 9));
        assertThat(Cursor.request(Cursor.encodeOldestFirst(9), 5)).isEqualTo(PageRequest.oldestFirstAfter(5, 9));
        assertThatThrownBy(() -> Cursor.decode(Cursor.encodeOldestFirst(9))).isInstanceOfSatisfying(InputRefused.class,
                e -> assertThat(e.errorCode()).isEqualTo("INVALID_CURSOR"));
        assertThatThrownBy(() -> Cursor.request("a1.5", 5)).isInstanceOfSatisfying(InputRefused.class,
                e -> assertThat(e.errorCode()).isEqualTo("INVALID_CURSOR"));
    }

    @Test
    void aCursorIsOpaqueAndOnlyOursAreAccepted() {
        assertThat(Cursor.decode(Cursor.encode(12345))).isEqualTo(12345);
        assertThat(Cursor.encode(7)).doesNotContain("7").matches("[A-Za-z0-9_-]+");
        for (String bad : List.of("", "abc", "cDEuLTE", "x".repeat(41), "p1.5", "%%%")) {
            assertThatThrownBy(() -> Cursor.decode(bad)).isInstanceOfSatisfying(InputRefused.class,
                    e -> assertThat(e.errorCode()).isEqualTo("INVALID_CURSOR"));
        }
    }

    private static List<Long> newestFirst(int n) {
        List<Long> out = new ArrayList<>();
        for (long p = n - 1; p >= 0; p--) {
            out.add(p);
        }
        return out;
    }
}
