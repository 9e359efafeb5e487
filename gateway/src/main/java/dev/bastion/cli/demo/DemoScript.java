package dev.bastion.cli.demo;

import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.venue.sim.VenueSimulator;
import quickfix.Message;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The demo's scripted order flow: a limit order that rests and then fills, a market order, a partial
 * fill, a cancel, a replace and a risk reject. The simulator's prices are stepped by the script, so
 * every run goes the same way; each step waits for the reports it expects and checks their figures.
 */
final class DemoScript
{
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final char BUY = '1';
    private static final char SELL = '2';
    private static final char MARKET = '1';
    private static final char LIMIT = '2';
    private static final char DAY = '0';
    private static final char GTC = '1';

    private final DemoClient client;
    private final Function<String, VenueSimulator> venueOf;
    private final String account;
    private final PrintWriter out;
    private final List<Expected> orders = new ArrayList<>();

    /**
     * @param venueOf the simulator each symbol is routed to.
     */
    DemoScript(final DemoClient client, final Function<String, VenueSimulator> venueOf, final String account,
        final PrintWriter out)
    {
        this.client = client;
        this.venueOf = venueOf;
        this.account = account;
        this.out = out;
    }

    /** @throws DemoFailure when a report does not come or does not say what it should. */
    void run()
    {
        market("AAPL", 190.00, 1_000);
        market("MSFT", 410.00, 1_000);

        heading("1. Limit order: buy 100 AAPL at 189.50, below the market (190): it rests");
        send(Fields.newOrder(client.beginString(), "DEMO-1", account, BUY, 100, "AAPL", LIMIT, 189.50, DAY));
        expect("DEMO-1", 'A', "PENDING_NEW", "0", "100");
        expect("DEMO-1", '0', "NEW", "0", "100");
        say("   ... the market comes down to 189.40: the resting order fills at its limit");
        market("AAPL", 189.40, 1_000);
        expect("DEMO-1", 'F', "FILLED", "100", "0");
        orders.add(new Expected("DEMO-1", "buy 100 AAPL limit 189.50", "FILLED", "100", "189.5"));

        heading("2. Market order: buy 50 MSFT at the market (410)");
        send(Fields.newOrder(client.beginString(), "DEMO-2", account, BUY, 50, "MSFT", MARKET, 0, DAY));
        expect("DEMO-2", 'A', "PENDING_NEW", "0", "50");
        expect("DEMO-2", '0', "NEW", "0", "50");
        expect("DEMO-2", 'F', "FILLED", "50", "0");
        orders.add(new Expected("DEMO-2", "buy 50 MSFT market", "FILLED", "50", "410"));

        heading("3. Partial fill: buy 300 AAPL at 189.60 rests; the market trades only 120 at that price");
        market("AAPL", 189.80, 1_000);
        send(Fields.newOrder(client.beginString(), "DEMO-3", account, BUY, 300, "AAPL", LIMIT, 189.60, DAY));
        expect("DEMO-3", 'A', "PENDING_NEW", "0", "300");
        expect("DEMO-3", '0', "NEW", "0", "300");
        market("AAPL", 189.55, 120);
        expect("DEMO-3", 'F', "PARTIALLY_FILLED", "120", "180");

        heading("4. Cancel: the rest of DEMO-3 (180) is canceled; what filled stays filled");
        send(Fields.cancel(client.beginString(), "DEMO-4", "DEMO-3", account, BUY, 300, "AAPL"));
        expect("DEMO-4", '6', "PENDING_CANCEL", "120", "180");
        expect("DEMO-4", '4', "CANCELED", "120", "0");
        orders.add(new Expected("DEMO-3 > DEMO-4", "buy 300 AAPL limit 189.60, rest canceled", "CANCELED", "120",
            "189.6"));

        heading("5. Replace: sell 100 MSFT at 415 GTC rests; it is replaced by 150 at 412, which then fills");
        send(Fields.newOrder(client.beginString(), "DEMO-5", account, SELL, 100, "MSFT", LIMIT, 415, GTC));
        expect("DEMO-5", 'A', "PENDING_NEW", "0", "100");
        expect("DEMO-5", '0', "NEW", "0", "100");
        send(Fields.replace(client.beginString(), "DEMO-6", "DEMO-5", account, SELL, 150, "MSFT", 412, GTC));
        expect("DEMO-6", 'E', "PENDING_REPLACE", "0", "100");
        expect("DEMO-6", '5', "NEW", "0", "150");
        say("   ... the market rises to 412.50: the replaced order fills at 412");
        market("MSFT", 412.50, 1_000);
        expect("DEMO-6", 'F', "FILLED", "150", "0");
        orders.add(new Expected("DEMO-5 > DEMO-6", "sell 100 MSFT limit 415 > 150 at 412", "FILLED",
            "150", "412"));

        heading("6. Risk reject: buy 10,000 AAPL at 190 is above the account's maximum order notional");
        send(Fields.newOrder(client.beginString(), "DEMO-7", account, BUY, 10_000, "AAPL", LIMIT, 190, DAY));
        final Message reject = expect("DEMO-7", '8', "REJECTED", "0", "0");
        if (Fields.get(reject, 20020).isEmpty() || Fields.get(reject, 103).isEmpty() || Fields.get(reject, 58).isEmpty())
        {
            throw new DemoFailure("the risk reject of DEMO-7 lacks OrdRejReason, RiskRejectCode or Text: " + reject);
        }
        orders.add(new Expected("DEMO-7", "buy 10000 AAPL limit 190", "REJECTED", "0", "0"));
    }

    /** Prints the summary table; false when an order did not end as expected. */
    boolean summary()
    {
        out.println();
        out.println("Summary");
        out.printf("%-16s %-44s %-10s %-8s %-8s %s%n", "ClOrdID", "Order", "OrdStatus", "CumQty", "AvgPx", "");
        boolean allAsExpected = true;
        for (final Expected order : orders)
        {
            final Message last = lastReport(order.clOrdIds());
            final String status = last == null ? "-" : DemoClient.ordStatus(last);
            final String cum = last == null ? "-" : Fields.decimal(last, 14);
            final String avgPx = last == null ? "-" : Fields.decimal(last, 6);
            final boolean asExpected =
                order.status().equals(status) && order.cumQty().equals(cum) && order.avgPx().equals(avgPx);
            allAsExpected &= asExpected;
            out.printf("%-16s %-44s %-10s %-8s %-8s %s%n", order.clOrdIds(), order.description(), status, cum, avgPx,
                asExpected ? "as expected" : "EXPECTED " + order.status() + " " + order.cumQty() + " @ " +
                order.avgPx());
        }
        out.flush();
        return allAsExpected;
    }

    private Message lastReport(final String clOrdIds)
    {
        final String last = clOrdIds.contains(">") ? clOrdIds.substring(clOrdIds.lastIndexOf('>') + 1).trim() :
            clOrdIds;
        Message found = null;
        for (final Message message : client.received())
        {
            if ("8".equals(Fields.get(message.getHeader(), 35)) && last.equals(Fields.get(message, 11)))
            {
                found = message;
            }
        }
        return found;
    }

    private Message expect(
        final String clOrdId, final char execType, final String ordStatus, final String cumQty, final String leavesQty)
    {
        final Message report = client.await("ExecutionReport " + clOrdId + " ExecType " + execType,
            message -> "8".equals(Fields.get(message.getHeader(), 35)) && clOrdId.equals(Fields.get(message, 11)) &&
                String.valueOf(execType).equals(Fields.get(message, 150)), WAIT);
        final String status = DemoClient.ordStatus(report);
        if (!status.equals(ordStatus) || !Fields.decimal(report, 14).equals(cumQty) ||
            !Fields.decimal(report, 151).equals(leavesQty))
        {
            throw new DemoFailure("ExecutionReport " + clOrdId + " ExecType " + execType + ": expected OrdStatus " +
                ordStatus + " CumQty " + cumQty + " LeavesQty " + leavesQty + ", got " + status + " " +
                Fields.decimal(report, 14) + " " + Fields.decimal(report, 151) + Fields.text(report));
        }
        return report;
    }

    private void send(final Message message)
    {
        client.send(message);
    }

    private void market(final String symbol, final double price, final long volume)
    {
        venueOf.apply(symbol).step(symbol, FixedPoint.price(price), FixedPoint.qty(volume));
    }

    private void heading(final String text)
    {
        synchronized (out)
        {
            out.println();
            out.println(text);
            out.flush();
        }
    }

    private void say(final String text)
    {
        synchronized (out)
        {
            out.println(text);
            out.flush();
        }
    }

    private record Expected(String clOrdIds, String description, String status, String cumQty, String avgPx)
    {
        Expected
        {
            avgPx = new BigDecimal(avgPx).stripTrailingZeros().toPlainString();
        }
    }
}
