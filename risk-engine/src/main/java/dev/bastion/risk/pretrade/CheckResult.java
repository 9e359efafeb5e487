package dev.bastion.risk.pretrade;

/**
 * The answer of one pre-trade check: a reusable carrier the caller owns (one per business thread), so an
 * accept, with or without warnings, allocates nothing. The reject text is written only on a reject.
 */
public final class CheckResult
{
    /** Accept, accept with warnings, or reject. */
    public enum Outcome
    {
        ACCEPT,
        ACCEPT_WITH_WARNINGS,
        REJECT
    }

    private final StringBuilder rejectText = new StringBuilder(128);
    private Outcome outcome = Outcome.ACCEPT;
    private RiskRejectCode rejectCode = RiskRejectCode.NONE;
    private long warnings;

    public Outcome outcome()
    {
        return outcome;
    }

    public boolean isAccepted()
    {
        return outcome != Outcome.REJECT;
    }

    public boolean isRejected()
    {
        return outcome == Outcome.REJECT;
    }

    /** The reason of a reject, {@link RiskRejectCode#NONE} for an accept. */
    public RiskRejectCode rejectCode()
    {
        return rejectCode;
    }

    /** A human-readable reason naming the limit and the figures; empty for an accept. */
    public CharSequence rejectText()
    {
        return rejectText;
    }

    /** The limits above the warning threshold, as bits {@code 1L << code}; 0 on a reject. */
    public long warnings()
    {
        return warnings;
    }

    public boolean hasWarning(final RiskRejectCode code)
    {
        return (warnings & code.bit()) != 0;
    }

    void reset()
    {
        outcome = Outcome.ACCEPT;
        rejectCode = RiskRejectCode.NONE;
        warnings = 0;
        rejectText.setLength(0);
    }

    void warn(final RiskRejectCode code)
    {
        warnings |= code.bit();
    }

    /** Marks the result a reject and returns the text buffer for the caller to explain it. */
    StringBuilder reject(final RiskRejectCode code)
    {
        outcome = Outcome.REJECT;
        rejectCode = code;
        warnings = 0;
        rejectText.setLength(0);
        return rejectText.append(code.description()).append(": ");
    }

    /** The text of the reject being written, to add detail after {@link #reject}. */
    StringBuilder rejectTextBuffer()
    {
        return rejectText;
    }

    Outcome accept()
    {
        outcome = warnings == 0 ? Outcome.ACCEPT : Outcome.ACCEPT_WITH_WARNINGS;
        return outcome;
    }

    @Override
    public String toString()
    {
        return outcome == Outcome.REJECT ?
            "REJECT " + rejectCode + " (" + rejectText + ")" : outcome + " warnings=" + warningNames(warnings);
    }

    /** The names of the codes in a warning mask, for logs and reports (allocates). */
    public static String warningNames(final long warnings)
    {
        final StringBuilder names = new StringBuilder("[");
        for (final RiskRejectCode code : RiskRejectCode.values())
        {
            if ((warnings & code.bit()) != 0 && code != RiskRejectCode.NONE)
            {
                names.append(names.length() > 1 ? ", " : "").append(code.name());
            }
        }
        return names.append(']').toString();
    }
}
