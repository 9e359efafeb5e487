package dev.bastion.oms.portfolio;

/**
 * An open lot, oldest first in a position's FIFO queue.
 *
 * @param sequence the lot's number within its position, rising with every lot opened.
 * @param quantity still open, signed like the position (qty scale 1e4).
 * @param price    the fill price that opened it (price scale 1e8).
 */
public record Lot(long sequence, long quantity, long price)
{
}
