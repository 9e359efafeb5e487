package dev.bastion.cli.fixlog;

import dev.bastion.gateway.compliance.ComplianceRecord;
import dev.bastion.gateway.compliance.Direction;

import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which records a search keeps; every criterion left null matches everything.
 *
 * @param session   a CompID, or a whole session key such as {@code FIX.4.4:BASTION->CLIENT1}.
 * @param msgTypes  MsgType (35) values.
 * @param clOrdId   matches ClOrdID (11) or OrigClOrdID (41), so a search follows cancels and replaces.
 * @param from      inclusive.
 * @param to        exclusive.
 * @param direction IN or OUT.
 */
record FixLogFilter(
    String session, Set<String> msgTypes, String clOrdId, Instant from, Instant to, Direction direction)
    implements Predicate<ComplianceRecord>
{
    @Override
    public boolean test(final ComplianceRecord record)
    {
        return matchesSession(record.session()) &&
            (msgTypes == null || msgTypes.isEmpty() || msgTypes.contains(record.msgType())) &&
            (clOrdId == null || clOrdId.equals(record.field(11)) || clOrdId.equals(record.field(41))) &&
            (from == null || !record.time().isBefore(from)) &&
            (to == null || record.time().isBefore(to)) &&
            (direction == null || direction == record.direction());
    }

    private boolean matchesSession(final String key)
    {
        if (session == null || session.equals(key))
        {
            return true;
        }
        // BeginString:gatewayCompId->clientCompId
        final int colon = key.indexOf(':');
        final int arrow = key.indexOf("->");
        if (colon < 0 || arrow < colon)
        {
            return false;
        }
        return session.equals(key.substring(colon + 1, arrow)) || session.equals(key.substring(arrow + 2));
    }
}
