package dev.bastion.gateway.config;

import dev.bastion.oms.pipeline.OmsConfiguration;
import dev.bastion.oms.pipeline.WaitStrategyChoice;
import dev.bastion.oms.route.RoutingTable;
import dev.bastion.oms.venue.fix.FixVenues;
import dev.bastion.oms.venue.fix.VenueDefinition;
import dev.bastion.risk.pretrade.NoReferencePricePolicy;
import dev.bastion.risk.pretrade.ReferencePriceSource;
import dev.bastion.risk.pretrade.RiskLimits;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ObjDoubleConsumer;

/**
 * Reads the {@code oms:}, {@code risk:}, {@code venues:} and {@code routing:} sections of
 * {@code bastion.yaml}, with the file's conventions: unknown keys are refused, every error names the
 * file and the key. The risk section is checked by building the risk engine's configuration from it
 * once, so a limit the engine refuses stops the start here.
 */
final class OrderFlowConfigurationReader
{
    static final Set<String> OMS_KEYS = Set.of("ringSize", "waitStrategy", "timerIntervalMs", "doneOrdersRemembered");
    static final Set<String> RISK_KEYS = Set.of("allowUnknownAccounts", "referencePrice",
        "marketOrderWithoutReference", "priceCollarPercent", "priceCollarTicks", "defaultTickSize", "tickSizes",
        "softBrakeScale", "warningThreshold", "clOrdIdHistory", "tradingDayStartUtc", "limits", "accounts",
        "restrictedSymbols", "sectors", "referencePrices", "kelly");
    static final Set<String> LIMIT_KEYS = Set.of("capital", "maxOrderQuantity", "maxOrderNotional",
        "creditLimitGross", "creditLimitNet", "positionLimit", "maxPositions", "maxSectorExposure", "maxLeverage",
        "dailyLossLimit", "maxOrders", "orderRateWindowMs", "maxMessages", "messageRateWindowMs",
        "duplicateOrderWindowMs", "restrictedSymbols");
    static final Set<String> KELLY_KEYS = Set.of("fraction", "maxFraction", "minPositionValue", "lotSize");
    static final Set<String> VENUE_KEYS = Set.of("name", "settingsFile", "dataDirectory");
    static final Set<String> ROUTING_KEYS = Set.of("defaultVenue", "symbols");

    private OrderFlowConfigurationReader()
    {
    }

    static OrderFlowConfiguration read(final ConfigNode root, final Path file)
    {
        final ConfigNode oms = root.section("oms");
        int ringSize = OmsConfiguration.DEFAULT_RING_SIZE;
        WaitStrategyChoice waitStrategy = OmsConfiguration.DEFAULT_WAIT_STRATEGY;
        long timerMs = OmsConfiguration.DEFAULT_TIMER_INTERVAL.toMillis();
        int doneOrders = dev.bastion.oms.order.OrderStateMachine.DEFAULT_DONE_ORDERS_REMEMBERED;
        if (oms != null)
        {
            oms.rejectUnknownKeys(OMS_KEYS);
            ringSize = oms.integer("ringSize", ringSize);
            if (ringSize < 4 || Integer.bitCount(ringSize) != 1)
            {
                throw oms.error("ringSize", "must be a power of two, at least 4 (e.g. 16384), was " + ringSize);
            }
            waitStrategy = enumValue(oms, "waitStrategy", WaitStrategyChoice.class, waitStrategy);
            timerMs = oms.longInteger("timerIntervalMs", timerMs);
            if (timerMs < 1)
            {
                throw oms.error("timerIntervalMs", "must be at least 1, was " + timerMs);
            }
            doneOrders = oms.integer("doneOrdersRemembered", doneOrders);
            if (doneOrders < 1)
            {
                throw oms.error("doneOrdersRemembered", "must be at least 1, was " + doneOrders);
            }
        }

        // The reconciliation: section rides along with risk: (both settle how fills are checked).
        final Consumer<OmsConfiguration> risk =
            risk(root.section("risk"), file).andThen(ReconciliationConfigurationReader.read(root));
        final List<VenueDefinition> venues = venues(root, file);
        final RoutingTable routing = routing(root.section("routing"), venues);
        if (!venues.isEmpty() && routing == null)
        {
            throw root.error("routing", "required when venues are configured: routing: defaultVenue: " +
                venues.get(0).name());
        }
        // Every settings file read and checked now, so a wrong one stops the start with its file and key.
        FixVenues.adapters(venues);
        return new OrderFlowConfiguration(ringSize, waitStrategy, Duration.ofMillis(timerMs), doneOrders, risk,
            venues, routing);
    }

    private static List<VenueDefinition> venues(final ConfigNode root, final Path file)
    {
        final List<VenueDefinition> venues = new ArrayList<>();
        final Set<String> names = new HashSet<>();
        for (final ConfigNode venue : root.sections("venues"))
        {
            venue.rejectUnknownKeys(VENUE_KEYS);
            final String name = venue.requiredString("name");
            if (!names.add(name))
            {
                throw venue.error("name", "venue " + name + " is configured twice");
            }
            final Path settings = resolveSibling(file, venue.requiredString("settingsFile"));
            final Path data = Path.of(venue.string("dataDirectory", "data/venues/" + name));
            venues.add(new VenueDefinition(name, settings, data));
        }
        return venues;
    }

    private static RoutingTable routing(final ConfigNode routing, final List<VenueDefinition> venues)
    {
        if (routing == null)
        {
            return null;
        }
        routing.rejectUnknownKeys(ROUTING_KEYS);
        final Set<String> known = new HashSet<>();
        venues.forEach(venue -> known.add(venue.name()));
        final String defaultVenue = routing.requiredString("defaultVenue");
        if (!known.contains(defaultVenue))
        {
            throw routing.error("defaultVenue", "'" + defaultVenue + "' is not a venue under venues: " + known);
        }
        final Map<String, String> bySymbol = new LinkedHashMap<>();
        final ConfigNode symbols = routing.section("symbols");
        if (symbols != null)
        {
            for (final String symbol : symbols.keys())
            {
                final String venue = symbols.requiredString(symbol);
                if (!known.contains(venue))
                {
                    throw symbols.error(symbol, "'" + venue + "' is not a venue under venues: " + known);
                }
                bySymbol.put(symbol, venue);
            }
        }
        return new RoutingTable(defaultVenue, bySymbol);
    }

    private static Consumer<OmsConfiguration> risk(final ConfigNode risk, final Path file)
    {
        final List<Consumer<OmsConfiguration>> steps = new ArrayList<>();
        if (risk != null)
        {
            risk.rejectUnknownKeys(RISK_KEYS);
            final boolean allowUnknown = risk.bool("allowUnknownAccounts", true);
            final ReferencePriceSource source =
                enumValue(risk, "referencePrice", ReferencePriceSource.class, ReferencePriceSource.LAST);
            final NoReferencePricePolicy noReference = enumValue(risk, "marketOrderWithoutReference",
                NoReferencePricePolicy.class, NoReferencePricePolicy.REJECT);
            steps.add(oms -> oms.preTradeConfiguration()
                .allowUnknownAccounts(allowUnknown).referencePriceSource(source).noReferencePricePolicy(noReference));
            if (risk.has("priceCollarPercent") && risk.has("priceCollarTicks"))
            {
                throw risk.error("priceCollarTicks", "give either priceCollarPercent or priceCollarTicks, not both");
            }
            if (risk.has("priceCollarPercent"))
            {
                final double percent = risk.positiveNumber("priceCollarPercent", 5);
                steps.add(oms -> oms.preTradeConfiguration().priceCollarPercent(percent));
            }
            if (risk.has("priceCollarTicks"))
            {
                final int ticks = positiveInteger(risk, "priceCollarTicks", 1);
                steps.add(oms -> oms.preTradeConfiguration().priceCollarTicks(ticks));
            }
            if (risk.has("defaultTickSize"))
            {
                final double tick = risk.positiveNumber("defaultTickSize", 0.01);
                steps.add(oms -> oms.preTradeConfiguration().defaultTickSize(tick));
            }
            if (risk.has("softBrakeScale"))
            {
                final double scale = risk.positiveNumber("softBrakeScale", 0.5);
                steps.add(oms -> oms.preTradeConfiguration().softBrakeScale(scale));
            }
            if (risk.has("warningThreshold"))
            {
                final double threshold = risk.positiveNumber("warningThreshold", 0.8);
                steps.add(oms -> oms.preTradeConfiguration().warningThreshold(threshold));
            }
            if (risk.has("clOrdIdHistory"))
            {
                final int history = positiveInteger(risk, "clOrdIdHistory", 1);
                steps.add(oms -> oms.preTradeConfiguration().clOrdIdHistory(history));
            }
            if (risk.has("tradingDayStartUtc"))
            {
                final LocalTime start = time(risk, "tradingDayStartUtc");
                steps.add(oms -> oms.tradingDayStart(start));
            }
            final ConfigNode limits = risk.section("limits");
            if (limits != null)
            {
                final Consumer<RiskLimits> firm = limits(limits);
                steps.add(oms -> firm.accept(oms.preTradeConfiguration().limits()));
            }
            final ConfigNode accounts = risk.section("accounts");
            if (accounts != null)
            {
                for (final String account : accounts.keys())
                {
                    final ConfigNode own = accounts.section(account);
                    if (own == null)
                    {
                        throw accounts.error(account, "must be a section of limits");
                    }
                    final Consumer<RiskLimits> overrides = limits(own);
                    steps.add(oms -> oms.preTradeConfiguration().account(account, overrides));
                    if (own.has("capital"))
                    {
                        final double capital = own.positiveNumber("capital", 1);
                        steps.add(oms -> oms.capital(account, capital));
                    }
                }
            }
            final List<String> restricted = risk.strings("restrictedSymbols");
            steps.add(oms -> oms.preTradeConfiguration().restrictSymbols(restricted));
            final ConfigNode sectors = risk.section("sectors");
            if (sectors != null)
            {
                for (final String symbol : sectors.keys())
                {
                    final String sector = sectors.requiredString(symbol);
                    steps.add(oms -> oms.preTradeConfiguration().sector(symbol, sector));
                }
            }
            final ConfigNode ticks = risk.section("tickSizes");
            if (ticks != null)
            {
                for (final String symbol : ticks.keys())
                {
                    final double tick = ticks.positiveNumber(symbol, 0.01);
                    steps.add(oms -> oms.preTradeConfiguration().tickSize(symbol, tick));
                }
            }
            final ConfigNode prices = risk.section("referencePrices");
            if (prices != null)
            {
                for (final String symbol : prices.keys())
                {
                    final double price = prices.positiveNumber(symbol, 1);
                    steps.add(oms -> oms.referencePrice(symbol, price));
                }
            }
            final ConfigNode kelly = risk.section("kelly");
            if (kelly != null)
            {
                kelly.rejectUnknownKeys(KELLY_KEYS);
                final double fraction = fraction(kelly, "fraction", 0.25);
                final double maxFraction = fraction(kelly, "maxFraction", 0.10);
                final double minValue = kelly.number("minPositionValue", 100);
                final double lotSize = kelly.positiveNumber("lotSize", 1);
                steps.add(oms -> oms.kellyConfiguration().kellyFraction(fraction).maxFraction(maxFraction)
                    .minPositionValue(minValue).lotSize(lotSize));
            }
        }
        final Consumer<OmsConfiguration> apply = oms -> steps.forEach(step -> step.accept(oms));
        check(apply, file);
        return apply;
    }

    /** Builds the risk engine's configuration once, so what it refuses stops the start now. */
    private static void check(final Consumer<OmsConfiguration> apply, final Path file)
    {
        final OmsConfiguration trial = new OmsConfiguration();
        apply.accept(trial);
        try
        {
            trial.preTradeConfiguration().conclude();
            trial.kellyConfiguration().conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigurationException(file + ": risk: " + ex.getMessage(), ex);
        }
    }

    private static Consumer<RiskLimits> limits(final ConfigNode node)
    {
        node.rejectUnknownKeys(LIMIT_KEYS);
        final List<Consumer<RiskLimits>> steps = new ArrayList<>();
        positiveNumber(node, "capital", steps, RiskLimits::capital);
        positiveNumber(node, "maxOrderQuantity", steps, RiskLimits::maxOrderQuantity);
        positiveNumber(node, "maxOrderNotional", steps, RiskLimits::maxOrderNotional);
        positiveNumber(node, "creditLimitGross", steps, RiskLimits::creditLimitGross);
        positiveNumber(node, "creditLimitNet", steps, RiskLimits::creditLimitNet);
        positiveNumber(node, "positionLimit", steps, RiskLimits::positionLimit);
        if (node.has("maxPositions"))
        {
            final int value = positiveInteger(node, "maxPositions", 1);
            steps.add(limits -> limits.maxPositions(value));
        }
        positiveNumber(node, "maxSectorExposure", steps, RiskLimits::maxSectorExposure);
        positiveNumber(node, "maxLeverage", steps, RiskLimits::maxLeverage);
        positiveNumber(node, "dailyLossLimit", steps, RiskLimits::dailyLossLimit);
        if (node.has("maxOrders") || node.has("orderRateWindowMs"))
        {
            final int orders = positiveInteger(node, "maxOrders", RiskLimits.DEFAULT_MAX_ORDERS);
            final long window = positiveMillis(node, "orderRateWindowMs", RiskLimits.DEFAULT_RATE_WINDOW);
            steps.add(limits -> limits.orderRate(orders, Duration.ofMillis(window)));
        }
        if (node.has("maxMessages") || node.has("messageRateWindowMs"))
        {
            final int messages = positiveInteger(node, "maxMessages", RiskLimits.DEFAULT_MAX_MESSAGES);
            final long window = positiveMillis(node, "messageRateWindowMs", RiskLimits.DEFAULT_RATE_WINDOW);
            steps.add(limits -> limits.messageRate(messages, Duration.ofMillis(window)));
        }
        if (node.has("duplicateOrderWindowMs"))
        {
            final long window = positiveMillis(node, "duplicateOrderWindowMs", RiskLimits.DEFAULT_DUPLICATE_WINDOW);
            steps.add(limits -> limits.duplicateOrderWindow(Duration.ofMillis(window)));
        }
        final List<String> restricted = node.strings("restrictedSymbols");
        if (!restricted.isEmpty())
        {
            steps.add(limits -> limits.restrictSymbols(restricted));
        }
        return limits -> steps.forEach(step -> step.accept(limits));
    }

    /** A positive number under {@code key}, when present, applied to the limits by {@code setter}. */
    private static void positiveNumber(
        final ConfigNode node, final String key, final List<Consumer<RiskLimits>> steps,
        final ObjDoubleConsumer<RiskLimits> setter)
    {
        if (node.has(key))
        {
            final double value = node.positiveNumber(key, 1);
            steps.add(limits -> setter.accept(limits, value));
        }
    }

    private static double fraction(final ConfigNode node, final String key, final double defaultValue)
    {
        final double value = node.positiveNumber(key, defaultValue);
        if (value > 1)
        {
            throw node.error(key, "must be at most 1 (a fraction: 0.25 is a quarter), was " + value);
        }
        return value;
    }

    private static int positiveInteger(final ConfigNode node, final String key, final int defaultValue)
    {
        final int value = node.integer(key, defaultValue);
        if (value < 1)
        {
            throw node.error(key, "must be at least 1, was " + value);
        }
        return value;
    }

    private static long positiveMillis(final ConfigNode node, final String key, final Duration defaultValue)
    {
        final long value = node.longInteger(key, defaultValue.toMillis());
        if (value < 1)
        {
            throw node.error(key, "must be at least 1 (milliseconds), was " + value);
        }
        return value;
    }

    private static LocalTime time(final ConfigNode node, final String key)
    {
        final String text = node.requiredString(key);
        try
        {
            return LocalTime.parse(text);
        }
        catch (final DateTimeParseException ex)
        {
            throw node.error(key, "must be a UTC time of day like 21:00, was '" + text + "'");
        }
    }

    private static <E extends Enum<E>> E enumValue(
        final ConfigNode node, final String key, final Class<E> type, final E defaultValue)
    {
        final String text = node.string(key, null);
        if (text == null)
        {
            return defaultValue;
        }
        try
        {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException ex)
        {
            final List<String> names = new ArrayList<>();
            for (final E value : type.getEnumConstants())
            {
                names.add(value.name().toLowerCase(Locale.ROOT));
            }
            throw node.error(key, "must be one of " + String.join(", ", names) + ", was '" + text + "'");
        }
    }

    private static Path resolveSibling(final Path file, final String name)
    {
        final Path path = Path.of(name);
        if (path.isAbsolute())
        {
            return path;
        }
        final Path parent = file.toAbsolutePath().getParent();
        return parent == null ? path : parent.resolve(path);
    }
}
