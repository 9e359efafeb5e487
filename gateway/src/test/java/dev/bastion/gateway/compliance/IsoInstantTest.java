package dev.bastion.gateway.compliance;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);

    /** Every instant a long of nanoseconds holds from 1970 (to 2255), with fractions of every length. */
    @Property
    void shouldWriteWhatIsoInstantWrites(
        @ForAll @LongRange(min = 0, max = 9_000_000_000L) final long epochSecond,
        @ForAll @LongRange(min = 0, max = 999_999_999L) final long nanos,
        @ForAll @LongRange(min = 0, max = 3) final long truncation)
    {
        final long fraction = nanos - nanos % (long)Math.pow(1000, truncation);
        final long epochNanos = epochSecond * 1_000_000_000L + fraction;
        final Instant instant = Instant.ofEpochSecond(0, epochNanos);

        final int length = IsoInstant.format(epochNanos, buffer, 0);

        assertThat(new String(buffer.byteArray(), 0, length, StandardCharsets.US_ASCII))
            .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
    }
}
