package dev.bastion.risk.var;

/** How a VaR figure was estimated. */
public enum VarMethod
{
    /** Quantiles of the P&amp;L actually seen. */
    HISTORICAL,
    /** A normal distribution with the sample's mean and standard deviation. */
    PARAMETRIC,
    /** Quantiles of simulated correlated normal P&amp;L. */
    MONTE_CARLO
}
