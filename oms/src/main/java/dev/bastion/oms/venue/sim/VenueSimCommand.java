package dev.bastion.oms.venue.sim;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.venue.fix.FixDecimals;
import dev.bastion.oms.venue.fix.FixVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code bastion venue-sim}: the venue simulator on its own, for a gateway, a demo or a load test
 * to connect to. Prints the address it listens on, then one line per order it books and per
 * report it sends, until stopped (Ctrl-C).
 */
@Command(name = "venue-sim", mixinStandardHelpOptions = true,
    description = "Run the venue simulator until stopped (Ctrl-C): a FIX acceptor (FIX 4.4 and FIX 4.2 sessions on "
        + "one port) that fills orders against seeded random-walk price paths.")
public final class VenueSimCommand implements Callable<Integer>
{
    static final int USER_ERROR = 2;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    @Option(names = "--host", defaultValue = "127.0.0.1",
        description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "9890",
        description = "FIX port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the price paths (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--symbols", split = ",", defaultValue = "AAPL=190,MSFT=410,IBM=250",
        description = "Symbols and start prices, SYMBOL[=PRICE] (default: ${DEFAULT-VALUE}; no price: 100).")
    private List<String> symbols;

    @Option(names = "--tick-ms", defaultValue = "1000",
        description = "Milliseconds between price steps; 0: the path never moves (default: ${DEFAULT-VALUE}).")
    private long tickMillis;

    @Option(names = "--volatility", defaultValue = "0.001",
        description = "Standard deviation of a step's relative price change (default: ${DEFAULT-VALUE}).")
    private double volatility;

    @Option(names = "--tick-size", defaultValue = "0.01", description = "Price grid (default: ${DEFAULT-VALUE}).")
    private BigDecimal tickSize;

    @Option(names = "--volume", defaultValue = "1000",
        description = "Mean quantity each side can trade per step (default: ${DEFAULT-VALUE}).")
    private BigDecimal volume;

    @Option(names = "--sender-comp-id", defaultValue = VenueSimulatorConfiguration.DEFAULT_SENDER_COMP_ID,
        description = "The simulator's CompID (default: ${DEFAULT-VALUE}).")
    private String senderCompId;

    @Option(names = "--target-comp-id", defaultValue = VenueSimulatorConfiguration.DEFAULT_TARGET_COMP_ID,
        description = "The CompID clients log on with (default: ${DEFAULT-VALUE}).")
    private String targetCompId;

    @Option(names = "--store", description = "Directory for the sessions' FileStores, so sequence numbers survive a "
        + "restart (default: in memory).")
    private Path store;

    @Option(names = "--end-of-day",
        description = "UTC time at which open Day orders expire, e.g. 21:00 (default: never).")
    private LocalTime endOfDay;

    @Option(names = "--immediate-fill", description = "Load-test mode: fill every order in full at once.")
    private boolean immediateFill;

    @Option(names = "--quiet", description = "No line per order and report (for load tests).")
    private boolean quiet;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final VenueSimulatorConfiguration configuration;
        try
        {
            configuration = configuration(out);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage(), ex);
        }
        final VenueSimulator simulator;
        try
        {
            simulator = VenueSimulator.launch(configuration);
        }
        catch (final IllegalStateException ex)
        {
            spec.commandLine().getErr().println("bastion venue-sim: " + ex.getMessage());
            return USER_ERROR;
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        final Thread shutdown = new Thread(() ->
        {
            simulator.close();
            stopped.countDown();
        }, "venue-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        print(out, String.format(
            "venue-sim listening on %s:%d for %s, %s -> %s; symbols %s; seed %d%s; Ctrl-C stops it",
            simulator.host(), simulator.port(), configuration.versions().stream().map(FixVersion::beginString)
                .collect(Collectors.joining(" and ")), targetCompId, senderCompId,
            configuration.instrumentList().stream().map(instrument -> instrument.symbol() + "@" +
                FixDecimals.price(instrument.startPrice()).toPlainString()).collect(Collectors.joining(" ")),
            seed, tickMillis > 0 ? ", a price step every " + tickMillis + " ms" : ", prices fixed"));
        try
        {
            stopped.await();
        }
        catch (final InterruptedException ex)
        {
            // Stopped by the thread that runs the command (tests): close first, then keep the interrupt.
            Runtime.getRuntime().removeShutdownHook(shutdown);
            simulator.close();
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private VenueSimulatorConfiguration configuration(final PrintWriter out)
    {
        final VenueSimulatorConfiguration configuration = new VenueSimulatorConfiguration()
            .host(host)
            .port(port)
            .seed(seed)
            .senderCompId(senderCompId)
            .targetCompId(targetCompId)
            .tickInterval(Duration.ofMillis(Math.max(0, tickMillis)))
            .storeDirectory(store)
            .endOfDay(endOfDay)
            .immediateFill(immediateFill)
            .listener(quiet ? SimulatorListener.NONE : new Printer(out));
        if (tickMillis < 0)
        {
            throw new IllegalArgumentException("--tick-ms must not be negative: " + tickMillis);
        }
        for (final String spec : symbols)
        {
            final String[] parts = spec.trim().split("=", 2);
            final BigDecimal start;
            try
            {
                start = parts.length == 2 ? new BigDecimal(parts[1].trim()) : BigDecimal.valueOf(100);
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("--symbols: '" + spec + "' is not SYMBOL or SYMBOL=PRICE", ex);
            }
            configuration.instrument(new SimulatedInstrument(parts[0].trim(), FixDecimals.price(start), volatility,
                FixDecimals.price(tickSize), FixDecimals.qty(volume)));
        }
        return configuration.conclude();
    }

    private static void print(final PrintWriter out, final String line)
    {
        synchronized (out)
        {
            out.println(line);
            out.flush();
        }
    }

    /** One line per order booked, report sent (new-order acks are the order line) and cancel refused. */
    private static final class Printer implements SimulatorListener
    {
        private final PrintWriter out;

        Printer(final PrintWriter out)
        {
            this.out = out;
        }

        @Override
        public void onOrder(final VenueRecord.OrderEntry order)
        {
            print(out, String.format("%s ORDER  %s %s %s %s %s %s %s%s%s%s", now(), order.session(), order.clOrdId(),
                order.side(), qty(order.orderQty()), order.symbol(), order.ordType(), order.timeInForce(),
                order.price() != FixedPoint.NONE ? " limit " + price(order.price()) : "",
                order.stopPrice() != FixedPoint.NONE ? " stop " + price(order.stopPrice()) : "",
                order.accepted() ? "" : " REJECTED"));
        }

        @Override
        public void onExecution(final SimExecution execution)
        {
            if (execution.execType() == ExecType.NEW)
            {
                return;
            }
            if (execution.execType() == ExecType.TRADE)
            {
                print(out, String.format("%s FILL   %s %s %s %s @ %s %s cum %s leaves %s (%s)", now(),
                    execution.session(), execution.clOrdId(), execution.side(), qty(execution.lastQty()),
                    price(execution.lastPx()), execution.symbol(), qty(execution.cumQty()),
                    qty(execution.leavesQty()), execution.execId()));
                return;
            }
            print(out, String.format("%s %-7s%s %s %s %s cum %s%s", now(), label(execution.execType()),
                execution.session(), execution.clOrdId(), execution.ordStatus(), execution.symbol(),
                qty(execution.cumQty()), execution.text() != null ? ": " + execution.text() : ""));
        }

        @Override
        public void onCancelReject(final SimCancelReject reject)
        {
            print(out, String.format("%s REFUSE %s %s %s of %s: %s", now(), reject.session(), reject.clOrdId(),
                reject.forReplace() ? "replace" : "cancel", reject.origClOrdId(), reject.text()));
        }

        @Override
        public void onLogon(final String session)
        {
            print(out, now() + " LOGON  " + session);
        }

        @Override
        public void onLogout(final String session)
        {
            print(out, now() + " LOGOUT " + session);
        }

        /** At most seven letters, so the columns line up with ORDER and FILL. */
        private static String label(final ExecType execType)
        {
            switch (execType)
            {
                case CANCELED:
                    return "CANCEL";
                case REJECTED:
                    return "REJECT";
                case REPLACED:
                    return "REPLACE";
                case TRADE_CANCEL:
                    return "BUST";
                case TRADE_CORRECT:
                    return "CORRECT";
                case ORDER_STATUS:
                    return "STATUS";
                case DONE_FOR_DAY:
                    return "DONE";
                case RESTATED:
                    return "RESTATE";
                default:
                    return execType.name();
            }
        }

        private static String now()
        {
            return LocalTime.now(ZoneOffset.UTC).format(TIME);
        }

        private static String qty(final long qty)
        {
            return FixDecimals.qty(qty).toPlainString();
        }

        private static String price(final long price)
        {
            return FixDecimals.price(price).toPlainString();
        }
    }
}
