package dev.bastion.oms.venue.sim;

import dev.bastion.oms.api.FixedPoint;

import java.util.Objects;

/**
 * One symbol the simulator trades and the parameters of its synthetic price path.
 *
 * @param symbol        Symbol (55) orders must carry.
 * @param startPrice    the first price of the path, fixed-point ({@link FixedPoint#PRICE_SCALE}).
 * @param volatility    standard deviation of one step's relative price change (0.001 = 0.1 % per step).
 * @param tickSize      the price grid, fixed-point; every price of the path is a multiple of it.
 * @param volumePerStep mean quantity that trades on each side per step, fixed-point
 *                      ({@link FixedPoint#QTY_SCALE}); a step's volume is drawn between half and
 *                      one and a half times it.
 */
public record SimulatedInstrument(String symbol, long startPrice, double volatility, long tickSize, long volumePerStep)
{
    public SimulatedInstrument
    {
        Objects.requireNonNull(symbol, "symbol");
        if (symbol.isBlank())
        {
            throw new IllegalArgumentException("instrument symbol is blank");
        }
        if (tickSize <= 0)
        {
            throw new IllegalArgumentException(symbol + ": tick size must be positive");
        }
        if (startPrice <= 0 || startPrice % tickSize != 0)
        {
            throw new IllegalArgumentException(symbol + ": start price " + FixedPoint.priceToDouble(startPrice) +
                " must be positive and a multiple of the tick size " + FixedPoint.priceToDouble(tickSize));
        }
        if (!(volatility >= 0 && volatility < 1))
        {
            throw new IllegalArgumentException(symbol + ": volatility must be in [0, 1): " + volatility);
        }
        if (volumePerStep < FixedPoint.QTY_SCALE)
        {
            throw new IllegalArgumentException(symbol + ": volume per step must be at least 1");
        }
    }

    /** Decimal convenience for configuration and tests: {@code of("AAPL", 190.0, 0.001, 0.01, 1000)}. */
    public static SimulatedInstrument of(
        final String symbol, final double startPrice, final double volatility, final double tickSize,
        final double volumePerStep)
    {
        return new SimulatedInstrument(symbol, FixedPoint.price(startPrice), volatility, FixedPoint.price(tickSize),
            FixedPoint.qty(volumePerStep));
    }
}
