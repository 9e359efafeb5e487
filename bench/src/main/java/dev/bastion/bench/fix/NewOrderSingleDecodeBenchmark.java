package dev.bastion.bench.fix;

import dev.bastion.bench.load.NewOrderSingleTemplate;
import dev.bastion.fix.fix44.decoder.NewOrderSingleDecoder;
import dev.bastion.gateway.codec.Fix44ClientCodec;
import dev.bastion.oms.api.NewOrderRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import quickfix.ConfigError;
import quickfix.DataDictionary;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.IncorrectDataFormat;
import quickfix.IncorrectTagValue;
import quickfix.InvalidMessage;
import quickfix.Message;
import quickfix.MessageFactory;
import quickfix.MessageUtils;
import quickfix.field.ClOrdID;
import quickfix.field.OrderQty;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TransactTime;
import uk.co.real_logic.artio.builder.Decoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Decoding one FIX 4.4 NewOrderSingle (the bytes the load generator sends: 13 body fields, a limit
 * order with Account, TransactTime and a 13-character ClOrdID), four ways:
 * <ul>
 *     <li>{@code artio}: Artio's generated flyweight decoder from {@code bastion-fix-dictionaries}
 *     over the bytes, then {@code validate()} (required fields, enums, unknown tags refused, as the
 *     gateway runs it);</li>
 *     <li>{@code gateway}: what Bastion's gateway does per order: the same, then
 *     {@link Fix44ClientCodec#readNewOrder} into the reused {@link NewOrderRequest} (fixed-point
 *     price and quantity, TransactTime in nanoseconds);</li>
 *     <li>{@code quickFixParse}: what QuickFIX/J does before a session sees the message: the bytes
 *     to a String (its network decoder does so), then {@code MessageUtils.parse} into a typed
 *     NewOrderSingle with the FIX 4.4 dictionary, BodyLength and CheckSum checked;</li>
 *     <li>{@code quickFixParseValidateRead}: that, then the dictionary's {@code validate} (as a
 *     session with UseDataDictionary=Y does) and the fields an application reads: ClOrdID, Symbol,
 *     Side, OrderQty, Price, TransactTime.</li>
 * </ul>
 * {@code gateway} against {@code quickFixParseValidateRead} is the like-for-like pair. Run with
 * {@code -prof gc} for the bytes allocated per message ({@code gc.alloc.rate.norm}).
 *
 * <p>The fork runs with {@code -XX:-DontCompileHugeMethods}, as Bastion's launcher and build do: the
 * generated {@code NewOrderSingleDecoder.decode} is 8,660 bytes of bytecode, over HotSpot's 8,000-byte
 * limit, and without the flag it is never compiled and runs interpreted (about 2.4 times slower here).
 * {@code -jvmArgsAppend "--add-exports java.base/jdk.internal.misc=ALL-UNNAMED"} alone shows that case.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dfix.codecs.reject_unknown_field=true",
    "-XX:-DontCompileHugeMethods"})
public class NewOrderSingleDecodeBenchmark
{
    private byte[] bytes;
    private int length;
    private MutableAsciiBuffer buffer;
    private final NewOrderSingleDecoder artioDecoder = new NewOrderSingleDecoder();
    private final Fix44ClientCodec codec = new Fix44ClientCodec();
    private final NewOrderRequest order = new NewOrderRequest();
    private Decoder gatewayDecoder;
    private DataDictionary dictionary;
    private final MessageFactory messageFactory = new DefaultMessageFactory();

    @Setup(Level.Trial)
    public void encodeOrder() throws ConfigError
    {
        final NewOrderSingleTemplate template =
            new NewOrderSingleTemplate("BENCH", "BASTION", "P1-", "ACC-1", "AAPL", 19_000);
        final byte[] encoded = new byte[template.maxLength()];
        length = template.encode(encoded, 0, 12_345, 6_789, Instant.parse("2026-11-24T21:13:17.772Z").toEpochMilli());
        bytes = Arrays.copyOf(encoded, length);
        buffer = new MutableAsciiBuffer(bytes);
        gatewayDecoder = codec.decoderFor(NewOrderSingleDecoder.MESSAGE_TYPE);
        dictionary = new DataDictionary("FIX44.xml");
        check();
    }

    @Benchmark
    public boolean artio()
    {
        final NewOrderSingleDecoder decoder = artioDecoder;
        decoder.reset();
        decoder.decode(buffer, 0, length);
        return decoder.validate();
    }

    @Benchmark
    public long gateway()
    {
        final Decoder decoder = gatewayDecoder;
        decoder.reset();
        decoder.decode(buffer, 0, length);
        if (!decoder.validate())
        {
            return -1;
        }
        return codec.readNewOrder(order) == 0 ? order.price() : -2;
    }

    @Benchmark
    public Message quickFixParse() throws InvalidMessage
    {
        final String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        return MessageUtils.parse(messageFactory, dictionary, text);
    }

    @Benchmark
    public void quickFixParseValidateRead(final Blackhole blackhole)
        throws InvalidMessage, FieldNotFound, IncorrectTagValue, IncorrectDataFormat
    {
        final String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        final Message message = MessageUtils.parse(messageFactory, dictionary, text);
        dictionary.validate(message);
        blackhole.consume(message.getString(ClOrdID.FIELD));
        blackhole.consume(message.getString(Symbol.FIELD));
        blackhole.consume(message.getChar(Side.FIELD));
        blackhole.consume(message.getDecimal(OrderQty.FIELD));
        blackhole.consume(message.getDecimal(Price.FIELD));
        blackhole.consume(message.getUtcTimeStamp(TransactTime.FIELD));
    }

    /** Every way must decode the order in full, or its figure means nothing. */
    private void check() throws ConfigError
    {
        if (!artio())
        {
            throw new IllegalStateException("Artio refused the order: tag " + artioDecoder.invalidTagId() +
                ", reason " + artioDecoder.rejectReason());
        }
        if (gateway() != 18_894_000_000L || !"P1-0000006789".contentEquals(order.clOrdId()))
        {
            throw new IllegalStateException("the gateway did not read the order: " + order.clOrdId());
        }
        try
        {
            final Message message = quickFixParse();
            dictionary.validate(message);
            if (!(message instanceof quickfix.fix44.NewOrderSingle) ||
                !"P1-0000006789".equals(message.getString(ClOrdID.FIELD)))
            {
                throw new IllegalStateException("QuickFIX/J did not parse a NewOrderSingle: " + message);
            }
        }
        catch (final InvalidMessage | FieldNotFound | IncorrectTagValue | IncorrectDataFormat ex)
        {
            throw new ConfigError(ex);
        }
    }
}
