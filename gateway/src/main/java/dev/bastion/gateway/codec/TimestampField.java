package dev.bastion.gateway.codec;

import uk.co.real_logic.artio.fields.EpochFractionFormat;
import uk.co.real_logic.artio.fields.UtcTimestampEncoder;

import java.util.concurrent.TimeUnit;

/** A reusable UTCTimestamp field value in milliseconds, the precision FIX 4.2 and 4.4 peers expect. */
final class TimestampField
{
    private final UtcTimestampEncoder encoder = new UtcTimestampEncoder(EpochFractionFormat.MILLISECONDS);

    /** @return the encoded length; the bytes are in {@link #buffer()}. */
    int encode(final long epochNanos)
    {
        final long nanos = epochNanos == 0 ? System.currentTimeMillis() * 1_000_000L : epochNanos;
        return encoder.encodeFrom(nanos, TimeUnit.NANOSECONDS);
    }

    byte[] buffer()
    {
        return encoder.buffer();
    }
}
