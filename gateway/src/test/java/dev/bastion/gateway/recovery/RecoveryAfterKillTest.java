package dev.bastion.gateway.recovery;

import dev.bastion.gateway.support.Await;
import dev.bastion.gateway.support.BastionProcess;
import dev.bastion.gateway.support.FreePort;
import dev.bastion.gateway.support.QuickFixClient;
import dev.bastion.oms.api.FixedPoint;
import dev.bastion.oms.api.OrdStatus;
import dev.bastion.oms.api.Side;
import dev.bastion.oms.portfolio.Portfolio;
import dev.bastion.oms.portfolio.PortfolioConfiguration;
import dev.bastion.oms.recovery.OrderStore;
import dev.bastion.oms.recovery.StoredOrder;
import dev.bastion.oms.venue.fix.FixVersion;
import dev.bastion.oms.venue.sim.SimExecution;
import dev.bastion.oms.venue.sim.SimulatedInstrument;
import dev.bastion.oms.venue.sim.VenueRecord;
import dev.bastion.oms.venue.sim.VenueSimulator;
import dev.bastion.oms.venue.sim.VenueSimulatorConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.FieldNotFound;
import quickfix.Message;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.bastion.gateway.support.TestOrders.newOrderSingle;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash recovery with real processes: {@code bastion start} in its own JVM, a venue simulator in this
 * one filling orders as its price path steps, a QuickFIX/J client streaming orders. The gateway is
 * killed with SIGKILL in the middle of a burst, started again, the client logs on again and
 * streams the rest without sending anything again itself: the orders Artio had received and the OMS
 * had not processed come back from the gateway's archive at start-up, the others are resent by the
 * client's FIX session when the gateway asks for them. Then Bastion's books on disk (order store and
 * portfolio) are checked against the simulator's record: every client order is in the books once,
 * every order the venue holds with the venue's CumQty, open orders are open in both, and the position
 * and cash are exactly what the venue's fills make (no fill booked twice, none missing).
 */
class RecoveryAfterKillTest
{
    private static final String PASSWORD = "recovery-test-secret";
    private static final int ORDERS = 100;
    private static final int KILL_AFTER = 45;
    private static final int BURST = 15;
    private static final double INITIAL_CASH = 1_000_000;
    private static final Pattern RECOVERED = Pattern.compile("Recovery complete: (.*?); (\\d+) ms after start");

    @TempDir
    Path directory;

    private VenueSimulator venue;
    private final List<BastionProcess> processes = new ArrayList<>();
    private final AtomicBoolean stepping = new AtomicBoolean(true);
    private final java.util.concurrent.atomic.AtomicInteger stepFailures = new java.util.concurrent.atomic.AtomicInteger();

    @AfterEach
    void stop()
    {
        stepping.set(false);
        processes.forEach(BastionProcess::close);
        if (venue != null)
        {
            venue.close();
        }
    }

    @Test
    void booksAgreeWithTheVenueAfterAKillInTheMiddleOfAStreamOfOrders() throws Exception
    {
        venue = VenueSimulator.launch(new VenueSimulatorConfiguration().seed(11)
            .instrument(SimulatedInstrument.of("AAPL", 100.00, 0.0005, 0.01, 25)).conclude());
        final Thread stepper = new Thread(() ->
        {
            while (stepping.get())
            {
                try
                {
                    venue.step();
                }
                catch (final RuntimeException ex)
                {
                    stepFailures.incrementAndGet();
                }
                try
                {
                    Thread.sleep(10);
                }
                catch (final InterruptedException ex)
                {
                    return;
                }
            }
        }, "test-venue-steps");
        stepper.setDaemon(true);
        stepper.start();

        final int port = FreePort.pick();
        final Path config = writeConfig(port);
        final BastionProcess first = start(config, "first", port);

        final Set<String> answered = ConcurrentHashMap.newKeySet();
        final Map<String, Integer> clientFills = new ConcurrentHashMap<>();
        try (QuickFixClient client = new QuickFixClient("FIX.4.4", "CLIENT1", "BASTION", port, "client1", PASSWORD,
            null).start())
        {
            client.awaitLogon();
            final Set<String> unknown = ConcurrentHashMap.newKeySet();
            final Set<String> statusAnswered = ConcurrentHashMap.newKeySet();
            final Map<String, String> lastAnswers = new ConcurrentHashMap<>();
            final Thread reader = collect(client, answered, unknown, statusAnswered, lastAnswers, clientFills);

            for (int i = 1; i <= KILL_AFTER; i++)
            {
                client.send(order(i));
                if (i <= KILL_AFTER - BURST)
                {
                    Thread.sleep(5);
                }
            }
            // The last orders went out in a burst and the gateway dies under them as soon as the venue has
            // the first of them: orders in flight, most of them received by Artio, not yet processed by the OMS.
            awaitVenueOrders(venue.record(), KILL_AFTER - BURST + 1);
            first.kill();
            final List<Integer> unanswered = java.util.stream.IntStream.rangeClosed(1, KILL_AFTER)
                .filter(i -> !answered.contains("R-" + i)).boxed().toList();
            final int inFlight = unanswered.size();
            final int venueOrdersAtKill = venue.record().orders().size();
            final int venueFillsAtKill = venue.record().fills().size();

            final BastionProcess second = start(config, "second", port);
            final long startToAccept = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - second.startedNanos());
            final Matcher[] recovered = new Matcher[1];
            Await.until("the restarted gateway to report recovery complete", Duration.ofSeconds(60), () ->
            {
                final Matcher matcher = RECOVERED.matcher(second.output());
                recovered[0] = matcher.find() ? matcher : null;
                return recovered[0] != null;
            });
            final long startToRecovered = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - second.startedNanos());
            client.awaitLogon();
            // Nothing is sent again by the client's application: the orders Artio had received come back
            // from the gateway's archive, those it had not are resent by the client's FIX session (a
            // ResendRequest answered with PossDup copies). Asked for their status, the OMS knows every one.
            for (final int i : unanswered)
            {
                client.send(statusRequest("R-" + i, i));
            }
            Await.until("every order sent before the kill answered", Duration.ofSeconds(30), () ->
                java.util.stream.IntStream.rangeClosed(1, KILL_AFTER).allMatch(i -> answered.contains("R-" + i)) &&
                unanswered.stream().allMatch(i -> statusAnswered.contains("R-" + i)));
            assertThat(unknown).as("orders the OMS did not know after the restart (answers: %s)", lastAnswers)
                .isEmpty();
            Await.until("the restart's start-up line", Duration.ofSeconds(30), () ->
                second.output().contains("replayed from the archive)"));
            final int replayed = replayedFromArchive(second.output());
            final long resentBySession = resentOrders(client.conversation());
            final long skipped = skippedAsKnown(second.output());
            assertThat(replayed - skipped).as("orders replayed from the archive and new to the OMS (none of them "
                + "answered before the kill)").isLessThanOrEqualTo(unanswered.size());
            for (int i = KILL_AFTER + 1; i <= ORDERS; i++)
            {
                client.send(order(i));
                Thread.sleep(5);
            }
            Await.until("every order answered", Duration.ofSeconds(30), () ->
                java.util.stream.IntStream.rangeClosed(1, ORDERS).allMatch(i -> answered.contains("R-" + i)));
            Thread.sleep(1000);
            stepping.set(false);
            stepper.join(5_000);
            awaitQuiet(venue.record());
            // The gateway has applied what the venue sent when its log shows no new line for a while.
            awaitQuiet(second);
            second.kill();
            reader.interrupt();
            // Every message, replayed or live, was marked processed: the next start replays nothing.
            final BastionProcess third = start(config, "third", port);
            Await.until("the third start's start-up line", Duration.ofSeconds(30), () ->
                third.output().contains("replayed from the archive)"));
            final int replayedByThird = replayedFromArchive(third.output());
            third.kill();
            assertThat(replayedByThird).as("orders replayed by a start after everything was processed").isZero();

            final Books books = readBooks();
            final VenueRecord record = venue.record();
            final Map<String, SimExecution> latest = record.latestByOrderId();
            final Map<String, SimExecution> byClOrdId = new HashMap<>();
            latest.values().forEach(execution -> byClOrdId.put(execution.clOrdId(), execution));
            final List<VenueRecord.OrderEntry> atVenue =
                record.orders().stream().filter(VenueRecord.OrderEntry::accepted).toList();

            // Every order the venue holds is in the books once, as filled as the venue says.
            final Map<String, List<StoredOrder>> byVenueClOrdId = books.orders.stream()
                .filter(order -> order.order().venueClOrdId() != null)
                .collect(Collectors.groupingBy(order -> order.order().venueClOrdId()));
            int openAtVenue = 0;
            for (final VenueRecord.OrderEntry entry : atVenue)
            {
                assertThat(byVenueClOrdId.get(entry.clOrdId())).as("books' orders for venue order %s", entry.clOrdId())
                    .hasSize(1);
                final StoredOrder stored = byVenueClOrdId.get(entry.clOrdId()).get(0);
                final SimExecution venueState = byClOrdId.get(entry.clOrdId());
                assertThat(stored.order().cumQty()).as("CumQty of %s", entry.clOrdId()).isEqualTo(venueState.cumQty());
                final boolean venueOpen = venueState.ordStatus() == OrdStatus.NEW ||
                    venueState.ordStatus() == OrdStatus.PARTIALLY_FILLED;
                openAtVenue += venueOpen ? 1 : 0;
                assertThat(isOpen(stored.order().status())).as("%s open in the books as at the venue (%s vs %s)",
                    entry.clOrdId(), stored.order().status(), venueState.ordStatus()).isEqualTo(venueOpen);
            }
            // No client order twice in the books.
            final Map<String, Long> perClientOrder = books.orders.stream()
                .collect(Collectors.groupingBy(order -> order.order().clOrdId(), Collectors.counting()));
            assertThat(perClientOrder.values()).allMatch(count -> count == 1);

            // Position and cash are exactly what the venue's fills make: no fill twice, none missing.
            long position = 0;
            BigInteger cash = BigInteger.valueOf(FixedPoint.price(INITIAL_CASH));
            for (final SimExecution fill : record.fills())
            {
                final boolean buy = fill.side() == Side.BUY;
                position += buy ? fill.lastQty() : -fill.lastQty();
                final BigInteger notional = BigInteger.valueOf(fill.lastQty()).multiply(BigInteger.valueOf(fill.lastPx()))
                    .divide(BigInteger.valueOf(FixedPoint.QTY_SCALE));
                cash = buy ? cash.subtract(notional) : cash.add(notional);
            }
            assertThat(books.quantity).as("position in the portfolio").isEqualTo(position);
            // A missed fill is booked at the price the venue's AvgPx implies, rounded to 1e-8: cents at most.
            assertThat(Math.abs(books.cash - cash.longValueExact())).as("cash difference (scale 1e8)")
                .isLessThanOrEqualTo(FixedPoint.price(0.01));

            final long notAtVenue = books.orders.stream()
                .filter(order -> order.order().venueClOrdId() != null &&
                    !byClOrdId.containsKey(order.order().venueClOrdId()))
                .count();
            assertThat(books.orders.stream().map(order -> order.order().clOrdId()).collect(Collectors.toSet()))
                .as("every client order in the books").containsAll(java.util.stream.IntStream.rangeClosed(1, ORDERS)
                    .mapToObj(i -> "R-" + i).toList());
            System.out.printf("%nRecovery after kill -9: %d orders streamed, killed after %d%n", ORDERS, KILL_AFTER);
            System.out.printf("  orders in flight at the kill (sent, not yet answered): %d%n", inFlight);
            System.out.printf("  venue at the kill: %d orders, %d fills%n", venueOrdersAtKill, venueFillsAtKill);
            System.out.printf("  venue at the end:  %d orders (%d after the restart), %d fills (%d after the restart), "
                + "%d open%n", atVenue.size(), atVenue.size() - venueOrdersAtKill, record.fills().size(),
                record.fills().size() - venueFillsAtKill, openAtVenue);
            System.out.printf("  books at the end:  %d orders, %d open, position %.0f, cash %.2f (venue implies %.2f)%n",
                books.orders.size(), books.orders.stream().filter(o -> isOpen(o.order().status())).count(),
                FixedPoint.qtyToDouble(books.quantity), books.cash / 1e8, cash.longValueExact() / 1e8);
            System.out.printf("  orders replayed from the archive (Artio had received them, the OMS had not marked "
                + "them processed): %d, of which the OMS had written before the kill and skipped: %d%n", replayed,
                skipped);
            System.out.printf("  orders unanswered at the kill: %d; orders the client's FIX session resent (the "
                + "gateway had not received them): %d; the client's application sent none again; books' orders the "
                + "venue never got: %d%n", unanswered.size(), resentBySession, notAtVenue);
            System.out.printf("  restart: accepting connections %d ms after spawn, recovered %d ms after spawn "
                + "(%s ms after the pipeline was built: %s)%n", startToAccept, startToRecovered, recovered[0].group(2),
                recovered[0].group(1));
            System.out.printf("  reconciliation in the restarted gateway: %s%n", findings(second.output()));
            System.out.printf("  simulator steps that failed: %d%n", stepFailures.get());
            assertThat(notAtVenue).as("books' orders the venue does not hold must be ended")
                .isEqualTo(books.orders.stream().filter(order -> order.order().venueClOrdId() != null &&
                    !byClOrdId.containsKey(order.order().venueClOrdId()) && !isOpen(order.order().status())).count());
        }
    }

    private Message order(final int i)
    {
        final boolean buy = i % 2 == 0;
        final double qty = 20 + (i * 7) % 41;
        // Most cross the market and fill as the price steps (often partly); every fifth rests far away.
        final double price = i % 5 == 0 ? (buy ? 80.00 : 120.00) : (buy ? 100.40 : 99.60);
        return newOrderSingle("FIX.4.4", "R-" + i, "AAPL", buy ? quickfix.field.Side.BUY : quickfix.field.Side.SELL,
            qty, price);
    }

    private static Message statusRequest(final String clOrdId, final int i)
    {
        final Message request = new Message();
        request.getHeader().setString(8, "FIX.4.4");
        request.getHeader().setString(35, "H");
        request.setString(11, clOrdId);
        request.setString(55, "AAPL");
        request.setChar(54, i % 2 == 0 ? quickfix.field.Side.BUY : quickfix.field.Side.SELL);
        return request;
    }

    private static boolean isOpen(final OrdStatus status)
    {
        return status == OrdStatus.NEW || status == OrdStatus.PARTIALLY_FILLED || status == OrdStatus.PENDING_NEW;
    }

    private BastionProcess start(final Path config, final String name, final int port) throws IOException
    {
        final BastionProcess process = BastionProcess.start(config, directory.resolve(name + ".out"), port);
        processes.add(process);
        return process;
    }

    private static Thread collect(
        final QuickFixClient client, final Set<String> answered, final Set<String> unknown,
        final Set<String> statusAnswered, final Map<String, String> lastAnswers, final Map<String, Integer> fills)
    {
        final Thread reader = new Thread(() ->
        {
            try
            {
                while (!Thread.currentThread().isInterrupted())
                {
                    final Message message = client.pollApplicationMessage(100, TimeUnit.MILLISECONDS);
                    if (message != null && message.isSetField(11))
                    {
                        final String clOrdId = message.getString(11);
                        lastAnswers.put(clOrdId, "150=" + message.getString(150) + " 39=" + message.getString(39) +
                            (message.isSetField(58) ? " 58=" + message.getString(58) : ""));
                        if (message.isSetField(150) && message.getChar(150) == 'I')
                        {
                            statusAnswered.add(clOrdId);
                            if (message.isSetField(58) && message.getString(58).startsWith("Unknown order"))
                            {
                                unknown.add(clOrdId); // a status request's answer: the OMS does not know the order
                                continue;
                            }
                        }
                        answered.add(clOrdId);
                        if (message.isSetField(150) && message.getChar(150) == 'F')
                        {
                            fills.merge(clOrdId, 1, Integer::sum);
                        }
                    }
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            catch (final FieldNotFound ex)
            {
                throw new IllegalStateException(ex);
            }
        }, "test-client-reports");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** Polls the simulator's record closely (every 0.1 ms, for 10 s at most): the kill must follow at once. */
    private static void awaitVenueOrders(final VenueRecord record, final int orders)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (record.orders().size() < orders)
        {
            assertThat(System.nanoTime()).as("waiting for %d orders at the venue", orders).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(100_000);
        }
    }

    /** What the restarted gateway says it replayed from Artio's archive. */
    private static int replayedFromArchive(final String output)
    {
        final Matcher matcher = Pattern.compile("(\\d+) unprocessed client message\\(s\\) replayed from the archive")
            .matcher(output);
        assertThat(matcher.find()).as("the restarted gateway's start-up line").isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static long skippedAsKnown(final String output)
    {
        return Pattern.compile("was handled before the last run ended: skipped").matcher(output).results().count();
    }

    /** NewOrderSingles the client's FIX session sent twice under one MsgSeqNum: PossDup resends. */
    private static long resentOrders(final List<String> conversation)
    {
        return conversation.stream().filter(line -> line.startsWith("IN ") && line.endsWith(" D"))
            .collect(Collectors.groupingBy(line -> line, Collectors.counting()))
            .values().stream().filter(count -> count > 1).count();
    }

    private static void awaitQuiet(final VenueRecord record) throws InterruptedException
    {
        int last = -1;
        while (record.executions().size() != last)
        {
            last = record.executions().size();
            Thread.sleep(1500);
        }
    }

    private static void awaitQuiet(final BastionProcess process) throws InterruptedException
    {
        int last = -1;
        for (int i = 0; i < 20 && process.output().length() != last; i++)
        {
            last = process.output().length();
            Thread.sleep(1500);
        }
    }

    private static String findings(final String output)
    {
        final Map<String, Long> counts = new java.util.TreeMap<>();
        final Matcher matcher = Pattern.compile("Reconciliation: \\S+ +(\\w+) +(\\w+)").matcher(output);
        while (matcher.find())
        {
            counts.merge(matcher.group(1) + " " + matcher.group(2), 1L, Long::sum);
        }
        return counts.isEmpty() ? "no findings" : counts.toString();
    }

    private record Books(List<StoredOrder> orders, long quantity, long cash)
    {
    }

    private Books readBooks()
    {
        final Path oms = directory.resolve("data").resolve("oms");
        try (OrderStore store = OrderStore.open(oms.resolve("orders"), 10_000);
             Portfolio portfolio = Portfolio.open(new PortfolioConfiguration().directory(oms.resolve("portfolio"))))
        {
            final int account = portfolio.findAccountId("ACC-1");
            final int symbol = portfolio.findSymbolId("AAPL");
            assertThat(account).as("account ACC-1 in the portfolio").isNotEqualTo(Portfolio.NO_ID);
            return new Books(store.loadAll(), portfolio.quantity(account, symbol), portfolio.cash(account));
        }
    }

    private Path writeConfig(final int port) throws IOException
    {
        final Path venueSettings = Files.writeString(directory.resolve("venue.cfg"),
            venue.initiatorSettings(FixVersion.FIX44, 30, 1));
        final Path config = directory.resolve("bastion.yaml");
        Files.writeString(config, String.join("\n",
            "gateway:",
            "  host: 127.0.0.1",
            "  port: " + port,
            "  dataDirectory: " + directory.resolve("data"),
            "sessions:",
            "  - senderCompId: BASTION",
            "    targetCompId: CLIENT1",
            "    fixVersion: FIX.4.4",
            "    username: client1",
            "    password: " + PASSWORD,
            "    heartbeatIntervalSeconds: 30",
            "    resetSeqNumOnLogon: false",
            "risk:",
            "  priceCollarPercent: 50",
            "  referencePrices: {AAPL: 100}",
            "  limits:",
            "    capital: " + (long)INITIAL_CASH,
            "    maxOrderQuantity: 100000",
            "    maxOrderNotional: 10000000",
            "    creditLimitGross: 100000000",
            "    creditLimitNet: 100000000",
            "    positionLimit: 100000000",
            "    maxLeverage: 100",
            "    maxSectorExposure: 1",
            "    dailyLossLimit: 100000000",
            "    maxOrders: 10000",
            "    maxMessages: 10000",
            "reconciliation:",
            "  priceDeviationPercent: 2",
            "  statusAnswerTimeoutMs: 20000",
            "venues:",
            "  - name: SIM",
            "    settingsFile: " + venueSettings,
            "    dataDirectory: " + directory.resolve("venue"),
            "routing:",
            "  defaultVenue: SIM",
            ""), StandardCharsets.UTF_8);
        return config;
    }
}
