package dev.bastion.oms.recon;

import dev.bastion.oms.api.FixedPoint;

import java.time.Instant;

/**
 * One reconciliation finding as the report lists it.
 *
 * @param epochNanos when the business thread found it.
 * @param orderId    Bastion's OrderID, or 0 when no order is known.
 * @param reference  the venue ExecID or ClOrdID it concerns, or null.
 * @param expected   what the OMS expected (a price at scale 1e8 or a quantity at scale 1e4, see kind), or
 *                   {@link FixedPoint#NONE}.
 * @param actual     what the venue reported, in the same unit, or {@link FixedPoint#NONE}.
 * @param detail     a few words more, or null.
 */
public record Finding(
    FindingKind kind,
    long epochNanos,
    long orderId,
    String venue,
    String reference,
    long expected,
    long actual,
    String detail)
{
    public FindingLevel level()
    {
        return kind.level();
    }

    /** True when expected and actual are prices (scale 1e8) rather than quantities. */
    public boolean isPrice()
    {
        return kind == FindingKind.PRICE_DEVIATION;
    }

    /** One line: time, level, kind, order, venue, reference, expected and actual, detail. */
    @Override
    public String toString()
    {
        return String.format("%s %-8s %-26s order=%d venue=%s ref=%s expected=%s actual=%s%s",
            Instant.ofEpochSecond(0, epochNanos), level(), kind, orderId, venue, reference, value(expected),
            value(actual), detail == null ? "" : " " + detail);
    }

    private String value(final long value)
    {
        if (value == FixedPoint.NONE)
        {
            return "-";
        }
        return isPrice() ? Double.toString(FixedPoint.priceToDouble(value)) :
            Double.toString(FixedPoint.qtyToDouble(value));
    }
}
