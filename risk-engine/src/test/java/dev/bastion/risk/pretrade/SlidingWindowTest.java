package dev.bastion.risk.pretrade;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The order window: its count for the rate limits, and its recent span for the duplicate check, looked up
 * through the fingerprint counts; a naive list of events is the reference.
 */
class SlidingWindowTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_700_000_000_000_000_000L;

    /** 1 s rate window of at most {@code capacity} orders, duplicates looked for over the last 1 s. */
    private static SlidingWindow orders(final int capacity)
    {
        return new SlidingWindow(capacity, SECOND, SECOND);
    }

    /** What the checks do for each order: count, look up, then record. */
    private static boolean checkAndRecord(final SlidingWindow window, final long now, final long fingerprint)
    {
        window.count(now);
        final boolean duplicate = window.containsRecent(now, fingerprint);
        window.add(now, fingerprint);
        return duplicate;
    }

    @Test
    void shouldFindAFingerprintRecordedWithinTheWindow()
    {
        final SlidingWindow window = orders(50);
        checkAndRecord(window, T0, 42);

        assertThat(checkAndRecord(window, T0 + SECOND - 1, 42)).isTrue();
    }

    @Test
    void shouldNotFindAFingerprintRecordedExactlyOneWindowAgo()
    {
        final SlidingWindow window = orders(50);
        checkAndRecord(window, T0, 42);

        assertThat(checkAndRecord(window, T0 + SECOND, 42)).isFalse();
    }

    @Test
    void shouldFindTheOneDuplicateAmongManyDistinctFingerprintsInTheWindow()
    {
        final SlidingWindow window = orders(10_000);
        for (int i = 0; i < 5_000; i++)
        {
            assertThat(checkAndRecord(window, T0 + i * 100_000L, ClOrdIdHistory.mix(i))).isFalse();
        }
        final long now = T0 + 5_000 * 100_000L;

        assertThat(window.count(now)).isEqualTo(5_000);
        assertThat(window.containsRecent(now, ClOrdIdHistory.mix(1_234))).isTrue();
        assertThat(window.containsRecent(now, ClOrdIdHistory.mix(5_000))).isFalse();
    }

    @Test
    void shouldForgetTheFingerprintsOfExpiredOrders()
    {
        final SlidingWindow window = orders(100);
        for (int i = 0; i < 100; i++)
        {
            checkAndRecord(window, T0 + i * 1_000_000L, i);
        }
        assertThat(window.recentTagCount()).isEqualTo(100);

        final long later = T0 + 99 * 1_000_000L + SECOND;
        assertThat(window.count(later)).isZero();
        assertThat(window.recentTagCount()).isZero();
        for (int i = 0; i < 100; i++)
        {
            assertThat(window.containsRecent(later, i)).isFalse();
        }
    }

    @Test
    void shouldKeepItsFingerprintCountsBoundedOverManyWindowsOfDistinctOrders()
    {
        // a window of 100 orders, 200,000 distinct ones passing through at 100 a second: a fingerprint that
        // outlived its order would over-run the table
        final SlidingWindow window = orders(100);
        for (int i = 0; i < 200_000; i++)
        {
            assertThat(window.count(T0 + i * 10_000_000L)).isLessThan(100);
            window.containsRecent(T0 + i * 10_000_000L, ClOrdIdHistory.mix(i));
            window.add(T0 + i * 10_000_000L, ClOrdIdHistory.mix(i));
        }

        assertThat(window.recentTagCount()).isEqualTo(100);
    }

    @Test
    void shouldNotFindADifferentFingerprintThatSharesItsSlot()
    {
        final SlidingWindow window = orders(50);
        // the same low bits pick the same slot
        checkAndRecord(window, T0, (1L << 40) | 9);
        checkAndRecord(window, T0 + 1, (2L << 40) | 9);

        assertThat(checkAndRecord(window, T0 + 2, (3L << 40) | 9)).isFalse();
        assertThat(checkAndRecord(window, T0 + 3, 9)).isFalse();
        assertThat(checkAndRecord(window, T0 + 4, (2L << 40) | 9)).isTrue();
    }

    @Test
    void shouldLookForDuplicatesOnlyOverItsShorterRecentSpan()
    {
        final SlidingWindow window = new SlidingWindow(50, SECOND, SECOND / 2);
        checkAndRecord(window, T0, 7);

        assertThat(window.count(T0 + SECOND / 2)).isEqualTo(1);
        assertThat(window.containsRecent(T0 + SECOND / 2, 7)).isFalse();
        assertThat(window.recentTagCount()).isZero();
    }

    @Test
    void shouldRefuseAnEventBeyondItsCapacity()
    {
        final SlidingWindow window = orders(2);
        window.add(T0, 1);
        window.add(T0, 2);

        assertThat(window.count(T0)).isEqualTo(2);
        assertThatThrownBy(() -> window.add(T0, 3)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldCountMessagesWithoutARecentSpan()
    {
        final SlidingWindow messages = new SlidingWindow(3, SECOND);
        messages.add(T0, 0);
        messages.add(T0 + 10, 0);

        assertThat(messages.count(T0 + SECOND - 1)).isEqualTo(2);
        assertThat(messages.count(T0 + SECOND)).isEqualTo(1);
        assertThat(messages.recentTagCount()).isZero();
    }

    record Step(long advanceNanos, long fingerprint, boolean countOnly)
    {
    }

    /**
     * Random orders, some only counted (refused by the message rate before the duplicate check, as the checks
     * do), against a list of every event: the same counts and the same duplicates.
     */
    @Property(tries = 300)
    void shouldAgreeWithALinearScanOfEveryEvent(@ForAll("steps") @Size(max = 300) final List<Step> steps)
    {
        final long windowNanos = 1_000;
        final long recentNanos = 600;
        final int capacity = 8;
        final SlidingWindow window = new SlidingWindow(capacity, windowNanos, recentNanos);
        final List<long[]> events = new ArrayList<>();
        long now = T0;
        for (final Step step : steps)
        {
            now += step.advanceNanos();
            final long at = now;
            final int expectedCount = (int)events.stream().filter(e -> e[0] > at - windowNanos).count();
            assertThat(window.count(now)).isEqualTo(expectedCount);
            if (step.countOnly() || expectedCount == capacity)
            {
                continue;
            }
            final boolean expectedDuplicate = events.stream()
                .anyMatch(e -> e[0] > at - recentNanos && e[1] == step.fingerprint());
            assertThat(window.containsRecent(now, step.fingerprint())).isEqualTo(expectedDuplicate);
            window.add(now, step.fingerprint());
            events.add(new long[] {now, step.fingerprint()});
        }
    }

    @Provide
    Arbitrary<List<Step>> steps()
    {
        // few fingerprints, several per slot, so duplicates and collisions both happen
        final Arbitrary<Long> fingerprints = Arbitraries.of(0L, 3L, 19L, (1L << 40) | 3, (2L << 40) | 3, -13L);
        return Combinators.combine(Arbitraries.longs().between(0, 400), fingerprints,
            Arbitraries.integers().between(0, 9).map(n -> n == 0)).as(Step::new).list();
    }
}
