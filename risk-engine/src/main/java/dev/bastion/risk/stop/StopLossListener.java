package dev.bastion.risk.stop;

/** Told when a stop is hit, on the thread that reported the price. */
public interface StopLossListener
{
    void onStop(StopTrigger trigger);

    void onPortfolioStop(PortfolioStopTrigger trigger);
}
