package dev.bastion.risk.pretrade;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The duplicate check's table on its own, with fingerprints chosen to share a slot: the low bits pick the
 * slot, so fingerprints that differ only above them collide by construction.
 */
class FingerprintCountsTest
{
    /** Fingerprints whose low 32 bits are all 5: one home slot in any table this class builds. */
    private static long colliding(final int n)
    {
        return ((long)(n + 1) << 32) | 5;
    }

    @Test
    void shouldNotFindADifferentFingerprintThatSharesTheSlot()
    {
        final FingerprintCounts counts = new FingerprintCounts(8);
        counts.increment(colliding(0));

        assertThat(counts.contains(colliding(0))).isTrue();
        assertThat(counts.contains(colliding(1))).isFalse();
        assertThat(counts.contains(5)).isFalse();
    }

    @Test
    void shouldKeepFindingCollidingFingerprintsAfterOneInTheMiddleOfTheirRunIsRemoved()
    {
        final FingerprintCounts counts = new FingerprintCounts(8);
        for (int i = 0; i < 5; i++)
        {
            counts.increment(colliding(i));
        }

        counts.decrement(colliding(2));

        assertThat(counts.contains(colliding(2))).isFalse();
        for (final int i : new int[] {0, 1, 3, 4})
        {
            assertThat(counts.contains(colliding(i))).as("fingerprint %d", i).isTrue();
        }
        assertThat(counts.size()).isEqualTo(4);
    }

    @Test
    void shouldFindFingerprintsWhoseRunWrapsPastTheEndOfTheTable()
    {
        // 4 entries: 8 slots, mask 7; slot 7 is the last
        final FingerprintCounts counts = new FingerprintCounts(4);
        final long[] lastSlot = {7, (1L << 40) | 7, (2L << 40) | 7};
        for (final long fingerprint : lastSlot)
        {
            counts.increment(fingerprint);
        }
        counts.increment(0);

        counts.decrement(lastSlot[0]);

        assertThat(counts.contains(lastSlot[0])).isFalse();
        assertThat(counts.contains(lastSlot[1])).isTrue();
        assertThat(counts.contains(lastSlot[2])).isTrue();
        assertThat(counts.contains(0)).isTrue();
    }

    @Test
    void shouldForgetAFingerprintOnlyWhenItsLastOccurrenceIsRemoved()
    {
        final FingerprintCounts counts = new FingerprintCounts(4);
        counts.increment(0);
        counts.increment(0);

        counts.decrement(0);
        assertThat(counts.contains(0)).isTrue();
        counts.decrement(0);
        assertThat(counts.contains(0)).isFalse();
        assertThat(counts.size()).isZero();
    }

    @Test
    void shouldRefuseToUncountAFingerprintThatWasNeverCounted()
    {
        final FingerprintCounts counts = new FingerprintCounts(4);
        counts.increment(colliding(0));

        assertThatThrownBy(() -> counts.decrement(colliding(1)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("was not counted");
    }

    @Test
    void shouldRefuseMoreDifferentFingerprintsThanItWasSizedFor()
    {
        final FingerprintCounts counts = new FingerprintCounts(2);
        counts.increment(1);
        counts.increment(2);
        counts.increment(2);

        assertThatThrownBy(() -> counts.increment(3))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("more than 2 fingerprints");
    }

    @Property(tries = 300)
    void shouldAgreeWithAHashMapOfCounts(@ForAll("operations") @Size(max = 400) final List<Long> operations)
    {
        // a positive value counts fingerprint (value - 1), a negative one uncounts (-value - 1) if counted
        final FingerprintCounts counts = new FingerprintCounts(64);
        final Map<Long, Integer> reference = new HashMap<>();
        for (final long operation : operations)
        {
            final long fingerprint = colliding((int)(Math.abs(operation) % 24)) + (Math.abs(operation) / 24 % 3);
            if (operation > 0 && (reference.containsKey(fingerprint) || reference.size() < 64))
            {
                counts.increment(fingerprint);
                reference.merge(fingerprint, 1, Integer::sum);
            }
            else if (operation < 0 && reference.containsKey(fingerprint))
            {
                counts.decrement(fingerprint);
                reference.computeIfPresent(fingerprint, (key, n) -> n == 1 ? null : n - 1);
            }
            for (int i = 0; i < 24; i++)
            {
                for (int low = 0; low < 3; low++)
                {
                    final long probe = colliding(i) + low;
                    assertThat(counts.contains(probe)).as("fingerprint %x", probe)
                        .isEqualTo(reference.containsKey(probe));
                }
            }
            assertThat(counts.size()).isEqualTo(reference.size());
        }
    }

    @Provide
    Arbitrary<List<Long>> operations()
    {
        return Arbitraries.longs().between(-72, 72).filter(value -> value != 0).list();
    }
}
