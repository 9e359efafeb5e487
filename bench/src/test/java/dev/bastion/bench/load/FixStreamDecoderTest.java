package dev.bastion.bench.load;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FixStreamDecoderTest
{
    private final FixStreamDecoder decoder = new FixStreamDecoder();
    private final List<String> decoded = new ArrayList<>();
    private final FixStreamDecoder.Handler record = message -> decoded.add(String.join(",",
        message.msgType(), Integer.toString(message.msgSeqNum()), message.clOrdId(),
        Character.toString(message.execType() == 0 ? '-' : message.execType()),
        Character.toString(message.ordStatus() == 0 ? '-' : message.ordStatus()),
        message.text(), message.refId(), Boolean.toString(message.possDup())));

    @Test
    void shouldReadTheFieldsOfEachMessageWhenReadsCarrySeveralAtOnce()
    {
        final byte[] stream = stream();

        final int consumed = decoder.decode(stream, 0, stream.length, record);

        assertThat(consumed).isEqualTo(stream.length);
        assertThat(decoded).containsExactlyElementsOf(expected());
    }

    @Test
    void shouldGiveTheSameMessagesWhereverReadsSplitTheStream()
    {
        final byte[] stream = stream();
        for (int first = 1; first < stream.length; first++)
        {
            for (final int chunk : new int[] {1, 3, 64})
            {
                decoded.clear();
                feed(stream, first, chunk);
                assertThat(decoded).as("first read %d bytes, then %d at a time", first, chunk)
                    .containsExactlyElementsOf(expected());
            }
        }
    }

    @Test
    void shouldRefuseBytesThatAreNotFix()
    {
        final byte[] garbage = FixText.bytes("GET / HTTP/1.1|Host: x|");
        assertThatThrownBy(() -> decoder.decode(garbage, 0, garbage.length, record))
            .isInstanceOf(FixFramingException.class)
            .hasMessageContaining("expected 8=")
            .hasMessageContaining("GET / HTTP/1.1|");
    }

    @Test
    void shouldRefuseAMessageWhoseBodyLengthDoesNotEndAtTheCheckSum()
    {
        final byte[] wrong = FixText.bytes("8=FIX.4.4|9=7|35=0|34=2|10=123|");
        assertThatThrownBy(() -> decoder.decode(wrong, 0, wrong.length, record))
            .isInstanceOf(FixFramingException.class)
            .hasMessageContaining("no CheckSum where BodyLength says the body ends");
    }

    /** Feeds the stream as a socket would: a first read, then chunks, keeping the unconsumed rest in front. */
    private void feed(final byte[] stream, final int first, final int chunk)
    {
        final byte[] buffer = new byte[stream.length];
        int filled = 0;
        int position = 0;
        while (position < stream.length)
        {
            final int read = Math.min(position == 0 ? first : chunk, stream.length - position);
            System.arraycopy(stream, position, buffer, filled, read);
            position += read;
            filled += read;
            final int consumed = decoder.decode(buffer, 0, filled, record);
            System.arraycopy(buffer, consumed, buffer, 0, filled - consumed);
            filled -= consumed;
        }
        assertThat(filled).isZero();
    }

    private static byte[] stream()
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final String message : messages())
        {
            final FixMessageBuilder builder = new FixMessageBuilder("FIX.4.4", 512);
            for (final String field : message.split("\\|"))
            {
                final int equals = field.indexOf('=');
                builder.field(Integer.parseInt(field.substring(0, equals)), field.substring(equals + 1));
            }
            builder.finish();
            out.write(builder.buffer(), builder.offset(), builder.length());
        }
        return out.toByteArray();
    }

    private static List<String> messages()
    {
        return List.of(
            "35=A|34=1|49=QFJ|56=BENCH|52=20261124-21:13:17.772|98=0|108=30|141=Y",
            "35=8|34=2|49=QFJ|56=BENCH|52=20261124-21:13:17.772|37=O-1|11=P1-0000000000|17=1|150=0|39=0|55=AAPL|54=1" +
                "|151=100|14=0|6=0",
            "35=8|34=3|49=QFJ|56=BENCH|52=20261124-21:13:17.772|37=O-1|11=P1-0000000000|17=2|150=F|39=2|55=AAPL|54=1" +
                "|151=0|14=100|6=190.25|58=filled at once",
            "35=1|34=4|43=Y|49=QFJ|56=BENCH|52=20261124-21:13:17.772|112=TEST-7",
            "35=j|34=5|49=QFJ|56=BENCH|52=20261124-21:13:17.772|45=9|372=D|379=P1-0000000001|380=4|58=not available");
    }

    private static List<String> expected()
    {
        return List.of(
            "A,1,,-,-,,,false",
            "8,2,P1-0000000000,0,0,,,false",
            "8,3,P1-0000000000,F,2,filled at once,,false",
            "1,4,,-,-,,,true",
            "j,5,,-,-,not available,P1-0000000001,false");
    }
}
