package dev.bastion.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A FIX 4.4 NewOrderSingle encoded once and copied for every order, with only what changes patched
 * in: MsgSeqNum (34), SendingTime (52), ClOrdID (11), Side (54), OrderQty (38), Price (44),
 * TransactTime (60), BodyLength (9) and CheckSum (10).
 *
 * <p>ClOrdID is a fixed prefix and the order number in {@value #CL_ORD_ID_DIGITS} digits, so its
 * width never changes and the load generator finds the order of an answer by reading the digits
 * back. MsgSeqNum comes right after MsgType and is written without leading zeros (every engine
 * parses those, but not every one should have to), so BodyLength grows by one at each new power of
 * ten; everything after MsgSeqNum is the pre-encoded tail.
 *
 * <p>The orders come in pairs, a buy then a sell of the same quantity at the same price, so the
 * position a risk engine keeps stays flat however many are sent. From pair to pair the price steps
 * by a cent through {@value #PRICE_STEPS} cents from 5.00 below the given price, and the quantity
 * through 100 to 999 every {@value #PRICE_STEPS} pairs: no two orders of a side are alike within
 * 900,000 pairs, so a duplicate-order check sees distinct orders, as it would from a real client.
 */
public final class NewOrderSingleTemplate
{
    public static final int CL_ORD_ID_DIGITS = 10;
    static final int PRICE_STEPS = 1_000;
    private static final int QUANTITY_STEPS = 900;
    private static final int MIN_QUANTITY = 100;

    private static final String ZERO_TIME = "00000000-00:00:00.000";

    private final MessageTemplate template;
    private final byte[] clOrdIdPrefix;
    private final int sendingTimeAt;
    private final int clOrdIdDigitsAt;
    private final int sideAt;
    private final int transactTimeAt;
    private final int quantityAt;
    private final int priceAt;
    private final long lowestPriceCents;
    private final int priceUnitsWidth;
    private final UtcTimestampWriter timestamps = new UtcTimestampWriter();

    /**
     * @param senderCompId  the client's CompID (49).
     * @param targetCompId  the counterparty's CompID (56).
     * @param clOrdIdPrefix what every ClOrdID of this template starts with, before its order number.
     * @param account       Account (1).
     * @param symbol        Symbol (55).
     * @param priceCents    the middle of the limit prices, in cents; prices from 5.00 below to 4.99 above
     *                      must all have as many digits (190.00: 185.00 to 194.99).
     */
    public NewOrderSingleTemplate(
        final String senderCompId,
        final String targetCompId,
        final String clOrdIdPrefix,
        final String account,
        final String symbol,
        final long priceCents)
    {
        lowestPriceCents = priceCents - PRICE_STEPS / 2;
        priceUnitsWidth = Ascii.digits(lowestPriceCents / 100);
        if (lowestPriceCents < 100 || Ascii.digits((lowestPriceCents + PRICE_STEPS - 1) / 100) != priceUnitsWidth)
        {
            throw new IllegalArgumentException("prices from " + lowestPriceCents + " to " +
                (lowestPriceCents + PRICE_STEPS - 1) + " cents do not all have as many digits: choose another price");
        }
        this.clOrdIdPrefix = clOrdIdPrefix.getBytes(StandardCharsets.US_ASCII);
        template = new MessageTemplate("FIX.4.4", "D",
            "49=" + senderCompId + "\u0001" +
            "56=" + targetCompId + "\u0001" +
            "52=" + ZERO_TIME + "\u0001" +
            "11=" + clOrdIdPrefix + "0".repeat(CL_ORD_ID_DIGITS) + "\u0001" +
            "1=" + account + "\u0001" +
            "21=1\u0001" +
            "55=" + symbol + "\u0001" +
            "54=1\u0001" +
            "60=" + ZERO_TIME + "\u0001" +
            "38=" + MIN_QUANTITY + "\u0001" +
            "40=2\u0001" +
            "44=" + "0".repeat(priceUnitsWidth) + ".00\u0001" +
            "59=0\u0001");
        sendingTimeAt = template.valueOffset(52);
        clOrdIdDigitsAt = template.valueOffset(11) + clOrdIdPrefix.length();
        sideAt = template.valueOffset(54);
        transactTimeAt = template.valueOffset(60);
        quantityAt = template.valueOffset(38);
        priceAt = template.valueOffset(44);
    }

    /**
     * Writes order {@code orderNumber} as message {@code msgSeqNum} at {@code offset}, sent at {@code epochMillis}.
     *
     * @return the length of the message written.
     */
    public int encode(
        final byte[] dst, final int offset, final int msgSeqNum, final long orderNumber, final long epochMillis)
    {
        final int tail = template.begin(dst, offset, msgSeqNum);
        timestamps.write(dst, tail + sendingTimeAt, epochMillis);
        System.arraycopy(dst, tail + sendingTimeAt, dst, tail + transactTimeAt, UtcTimestampWriter.LENGTH);
        Ascii.putPadded(dst, tail + clOrdIdDigitsAt, orderNumber, CL_ORD_ID_DIGITS);
        dst[tail + sideAt] = (byte)((orderNumber & 1) == 0 ? '1' : '2');
        final long pair = orderNumber >> 1;
        Ascii.putPadded(dst, tail + quantityAt, MIN_QUANTITY + (pair / PRICE_STEPS) % QUANTITY_STEPS, 3);
        final long priceCents = lowestPriceCents + pair % PRICE_STEPS;
        Ascii.putPadded(dst, tail + priceAt, priceCents / 100, priceUnitsWidth);
        Ascii.putPadded(dst, tail + priceAt + priceUnitsWidth + 1, priceCents % 100, 2);
        return template.finish(dst, offset, tail);
    }

    /** The longest message {@link #encode} writes. */
    public int maxLength()
    {
        return template.maxLength();
    }

    /**
     * The order number in a ClOrdID this template wrote, or -1 if the ClOrdID is not one of its.
     */
    public long orderNumber(final byte[] src, final int offset, final int length)
    {
        if (length != clOrdIdPrefix.length + CL_ORD_ID_DIGITS ||
            !Arrays.equals(src, offset, offset + clOrdIdPrefix.length, clOrdIdPrefix, 0, clOrdIdPrefix.length))
        {
            return -1;
        }
        return Ascii.parseNatural(src, offset + clOrdIdPrefix.length, CL_ORD_ID_DIGITS);
    }

    /** The ClOrdID of an order number, for messages to people. */
    public String clOrdId(final long orderNumber)
    {
        final byte[] digits = new byte[CL_ORD_ID_DIGITS];
        Ascii.putPadded(digits, 0, orderNumber, CL_ORD_ID_DIGITS);
        return new String(clOrdIdPrefix, StandardCharsets.US_ASCII) + new String(digits, StandardCharsets.US_ASCII);
    }
}
