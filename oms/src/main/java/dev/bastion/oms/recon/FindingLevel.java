package dev.bastion.oms.recon;

/** How much a reconciliation finding matters to the people who read the report. */
public enum FindingLevel
{
    /** Expected in normal operation, counted (a resent report, a fill applied after a reconnect). */
    INFO,
    /** The books are right, but something differs from what was expected: look at it. */
    WARNING,
    /** The books and the venue disagree, or a fill was refused: act on it. */
    CRITICAL
}
