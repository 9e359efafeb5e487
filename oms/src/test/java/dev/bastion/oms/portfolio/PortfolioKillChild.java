package dev.bastion.oms.portfolio;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The process {@link PortfolioKillTest} kills: it opens the portfolio directory it is given and books
 * the whole fill stream from the start, as an OMS does after a restart when clients and venues send
 * everything again. It reports its progress on stdout and, if it ever finishes, waits to be killed.
 */
public final class PortfolioKillChild
{
    static final String PROGRESS = "PROGRESS ";
    static final String OPENED = "OPENED ";
    static final String DONE = "DONE";
    static final int PROGRESS_EVERY = 1_000;

    private PortfolioKillChild()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        final Path directory = Path.of(args[0]);
        final List<Fill> fills = PortfolioKillTest.fills();
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final Portfolio portfolio = Portfolio.open(PortfolioKillTest.configuration(directory));
        out.println(OPENED + portfolio.recoveredFromCrash());
        for (int i = 0; i < fills.size(); i++)
        {
            fills.get(i).applyTo(portfolio);
            if (i % PROGRESS_EVERY == 0)
            {
                out.println(PROGRESS + i);
            }
        }
        out.println(DONE);
        // Never closes: the parent kills it or closes stdin.
        while (System.in.read() >= 0)
        {
            Thread.onSpinWait();
        }
    }
}
