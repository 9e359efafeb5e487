package dev.bastion.oms.venue.sim;

/**
 * One step of a symbol's price path: the price the step trades at and the quantity available
 * to each side during it.
 *
 * @param symbol the instrument.
 * @param step   how many steps the path has taken (0 is the start price).
 * @param price  fixed-point price.
 * @param volume fixed-point quantity each side can trade in this step.
 */
public record PriceTick(String symbol, long step, long price, long volume)
{
}
