package dev.bastion.cli.analyze;

/** What the columns of the series file hold. */
enum SeriesKind
{
    /** Prices or an equity curve: returns are p(t) / p(t−1) − 1. */
    PRICES,
    /** Periodic returns as fractions (0.01 is 1%). */
    RETURNS;

    String label()
    {
        return name().toLowerCase();
    }
}
