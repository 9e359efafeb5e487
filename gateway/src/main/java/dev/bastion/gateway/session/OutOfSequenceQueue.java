package dev.bastion.gateway.session;

import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Messages a client sent above a sequence gap, kept until the gap is filled. Artio answers a gap
 * with a ResendRequest and drops what came above it, trusting the client to send it all again; the
 * FIX session rules let the receiver queue those messages instead, and QuickFIX peers expect it:
 * they resend only the missing ones. Bounded, so a client cannot grow it without limit; a message
 * that does not fit is dropped, which is still safe, because the ResendRequest covered it.
 */
final class OutOfSequenceQueue
{
    static final int CAPACITY = 1_000;

    private final Int2ObjectHashMap<UnsafeBuffer> bySeqNum = new Int2ObjectHashMap<>();

    boolean offer(final int msgSeqNum, final DirectBuffer buffer, final int offset, final int length)
    {
        if (bySeqNum.size() >= CAPACITY || bySeqNum.containsKey(msgSeqNum))
        {
            return false;
        }
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        bySeqNum.put(msgSeqNum, new UnsafeBuffer(copy));
        return true;
    }

    /** @return the message with this sequence number, removed from the queue, or null. */
    UnsafeBuffer take(final int msgSeqNum)
    {
        return bySeqNum.remove(msgSeqNum);
    }

    boolean isEmpty()
    {
        return bySeqNum.isEmpty();
    }

    void clear()
    {
        bySeqNum.clear();
    }
}
