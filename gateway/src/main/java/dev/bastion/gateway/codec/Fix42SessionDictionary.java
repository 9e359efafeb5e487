package dev.bastion.gateway.codec;

import dev.bastion.fix.fix42.FixDictionaryImpl;
import dev.bastion.fix.fix42.builder.SequenceResetEncoder;
import dev.bastion.fix.fix42.decoder.HeaderDecoder;
import uk.co.real_logic.artio.builder.AbstractSequenceResetEncoder;
import uk.co.real_logic.artio.decoder.SessionHeaderDecoder;
import uk.co.real_logic.artio.util.AsciiBuffer;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

/**
 * The FIX 4.2 counterpart of {@link Fix44SessionDictionary}.
 */
public final class Fix42SessionDictionary extends FixDictionaryImpl
{
    static final int[] HEADER_TAGS = {
        8, 9, 35, 49, 56, 115, 128, 90, 91, 34, 50, 142, 57, 143, 116, 144, 129, 145, 43, 97, 52, 122, 212, 213,
        347, 369, 370};

    @Override
    public SessionHeaderDecoder makeHeaderDecoder()
    {
        return new LenientHeaderDecoder();
    }

    @Override
    public AbstractSequenceResetEncoder makeSequenceResetEncoder()
    {
        return new GapFillEncoder();
    }

    private static final class LenientHeaderDecoder extends HeaderDecoder
    {
        private final MisplacedHeaderFields misplaced = new MisplacedHeaderFields(HEADER_TAGS);

        @Override
        public int decode(final AsciiBuffer buffer, final int offset, final int length)
        {
            final int headerLength = super.decode(buffer, offset, length);
            if (misplaced.find(buffer, offset, length, headerLength))
            {
                super.decode(misplaced.buffer(), 0, misplaced.length());
            }
            return headerLength;
        }
    }

    private static final class GapFillEncoder extends SequenceResetEncoder
    {
        @Override
        public long encode(final MutableAsciiBuffer buffer, final int offset)
        {
            OrigSendingTimeOnGapFill.apply(header());
            return super.encode(buffer, offset);
        }
    }
}
