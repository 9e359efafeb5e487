package dev.bastion.risk.stress;

/**
 * A position as a stress test sees it.
 *
 * @param symbol the instrument.
 * @param sector its sector, or null.
 * @param value  its market value in currency, negative for a short.
 */
public record StressPosition(String symbol, String sector, double value)
{
}
