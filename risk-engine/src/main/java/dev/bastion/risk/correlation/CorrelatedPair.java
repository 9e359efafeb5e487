package dev.bastion.risk.correlation;

/** Two symbols whose returns move together more than the threshold. */
public record CorrelatedPair(String first, String second, double correlation)
{
}
