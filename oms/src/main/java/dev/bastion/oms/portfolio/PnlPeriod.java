package dev.bastion.oms.portfolio;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The calendar periods P&amp;L is reported over, in UTC days; weeks start on Monday (ISO 8601). */
public enum PnlPeriod
{
    DAY,
    WEEK,
    MONTH;

    /** @return the first day of the period that contains {@code day}. */
    public LocalDate start(final LocalDate day)
    {
        switch (this)
        {
            case WEEK:
                return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH:
                return day.withDayOfMonth(1);
            default:
                return day;
        }
    }
}
