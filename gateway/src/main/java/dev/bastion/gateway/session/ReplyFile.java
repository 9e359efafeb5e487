package dev.bastion.gateway.session;

import dev.bastion.oms.api.ExecType;
import dev.bastion.oms.api.ExecutionReport;
import dev.bastion.oms.api.OrdStatus;
import org.agrona.concurrent.UnsafeBuffer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The file behind a {@link ReplyBacklog}: each kept reply is appended as a length-prefixed record
 * when it is kept, and the file is emptied once the backlog has been sent, so replies a client
 * missed survive a restart (or {@code kill -9}) of the gateway. A reply read back from the file is
 * marked PossResend (97): it may have gone out just before the process died. Off the order path:
 * only replies for sessions that are away are written here.
 */
final class ReplyFile implements AutoCloseable
{
    private static final Logger LOG = LogManager.getLogger(ReplyFile.class);
    private static final int VERSION = 1;

    private final Path path;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    private final DataOutputStream out = new DataOutputStream(bytes);
    private FileChannel channel;

    ReplyFile(final Path path)
    {
        this.path = path;
    }

    Path path()
    {
        return path;
    }

    /** The replies kept in the file, oldest first; a record cut short by a crash ends the list. */
    List<ReplyEvent> load()
    {
        final List<ReplyEvent> replies = new ArrayList<>();
        if (!Files.exists(path))
        {
            return replies;
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(path)))
        {
            while (true)
            {
                final int length;
                try
                {
                    length = in.readInt();
                }
                catch (final EOFException end)
                {
                    break;
                }
                final byte[] record = new byte[length];
                in.readFully(record);
                replies.add(read(new DataInputStream(new ByteArrayInputStream(record))));
            }
        }
        catch (final EOFException ex)
        {
            LOG.warn("{}: the last kept reply was cut short (the process stopped while writing it); {} read",
                path, replies.size());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read kept replies from " + path, ex);
        }
        return replies;
    }

    void append(final ReplyEvent reply)
    {
        try
        {
            bytes.reset();
            out.writeInt(0);
            write(reply);
            final byte[] record = bytes.toByteArray();
            ByteBuffer.wrap(record).putInt(0, record.length - Integer.BYTES);
            final ByteBuffer buffer = ByteBuffer.wrap(record);
            final FileChannel file = channel();
            while (buffer.hasRemaining())
            {
                file.write(buffer);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot keep a reply in " + path, ex);
        }
    }

    /** Every reply in the file has been sent. */
    void clear()
    {
        try
        {
            channel().truncate(0);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot empty " + path, ex);
        }
    }

    /** Rewrites the file with exactly these replies (after the oldest were dropped over the limit). */
    void rewrite(final Iterable<ReplyEvent> replies)
    {
        clear();
        for (final ReplyEvent reply : replies)
        {
            append(reply);
        }
    }

    private FileChannel channel() throws IOException
    {
        if (channel == null)
        {
            Files.createDirectories(path.getParent());
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        }
        return channel;
    }

    private void write(final ReplyEvent reply) throws IOException
    {
        out.writeByte(VERSION);
        out.writeByte(reply.kind.ordinal());
        out.writeLong(reply.sessionId);
        switch (reply.kind)
        {
            case EXECUTION_REPORT:
            {
                final ExecutionReport report = reply.executionReport;
                out.writeUTF(report.orderId().toString());
                out.writeUTF(report.execId().toString());
                out.writeUTF(report.clOrdId().toString());
                out.writeUTF(report.origClOrdId().toString());
                out.writeUTF(report.account().toString());
                out.writeUTF(report.symbol().toString());
                out.writeUTF(report.text().toString());
                out.writeUTF(report.riskWarningText().toString());
                out.writeUTF(report.massStatusReqId().toString());
                out.writeInt(report.totNumReports());
                out.writeBoolean(report.lastRptRequested());
                out.writeUTF(report.execType() == null ? "" : report.execType().name());
                out.writeUTF(report.ordStatus() == null ? "" : report.ordStatus().name());
                out.writeChar(report.side());
                out.writeChar(report.ordType());
                out.writeChar(report.timeInForce());
                out.writeLong(report.orderQty());
                out.writeLong(report.price());
                out.writeLong(report.stopPrice());
                out.writeLong(report.lastQty());
                out.writeLong(report.lastPx());
                out.writeLong(report.cumQty());
                out.writeLong(report.leavesQty());
                out.writeLong(report.avgPx());
                out.writeInt(report.ordRejReason());
                out.writeInt(report.riskRejectCode());
                out.writeLong(report.transactTimeNanos());
                out.writeBoolean(report.possResend());
                out.writeBoolean(report.dropCopy());
                break;
            }
            case ORDER_CANCEL_REJECT:
                out.writeUTF(reply.orderCancelReject.orderId().toString());
                out.writeUTF(reply.orderCancelReject.clOrdId().toString());
                out.writeUTF(reply.orderCancelReject.origClOrdId().toString());
                out.writeUTF(reply.orderCancelReject.text().toString());
                out.writeUTF(reply.orderCancelReject.ordStatus() == null ? "" :
                    reply.orderCancelReject.ordStatus().name());
                out.writeChar(reply.orderCancelReject.responseTo());
                out.writeInt(reply.orderCancelReject.cxlRejReason());
                break;
            case BUSINESS_REJECT:
                out.writeUTF(reply.businessReject.refMsgType().toString());
                out.writeUTF(reply.businessReject.businessRejectRefId().toString());
                out.writeUTF(reply.businessReject.text().toString());
                out.writeInt(reply.businessReject.refSeqNum());
                out.writeInt(reply.businessReject.reason());
                break;
            default:
                out.writeUTF(reply.rawMsgType);
                out.writeBoolean(reply.rawPossResend);
                out.writeInt(reply.rawLength);
                final byte[] body = new byte[reply.rawLength];
                reply.rawBody.getBytes(0, body);
                out.write(body);
                break;
        }
        out.flush();
    }

    private static ReplyEvent read(final DataInputStream in) throws IOException
    {
        final int version = in.readUnsignedByte();
        if (version != VERSION)
        {
            throw new IOException("kept reply of version " + version + ", this gateway reads " + VERSION);
        }
        final ReplyEvent reply = new ReplyEvent();
        reply.kind = ReplyEvent.Kind.values()[in.readUnsignedByte()];
        reply.sessionId = in.readLong();
        switch (reply.kind)
        {
            case EXECUTION_REPORT:
            {
                final ExecutionReport report = reply.executionReport.reset();
                report.orderId(in.readUTF()).execId(in.readUTF()).clOrdId(in.readUTF()).origClOrdId(in.readUTF())
                    .account(in.readUTF()).symbol(in.readUTF()).text(in.readUTF()).riskWarningText(in.readUTF());
                final String massStatusReqId = in.readUTF();
                final int totNumReports = in.readInt();
                final boolean lastRptRequested = in.readBoolean();
                report.massStatus(massStatusReqId, totNumReports, lastRptRequested);
                final String execType = in.readUTF();
                final String ordStatus = in.readUTF();
                report.execType(execType.isEmpty() ? null : ExecType.valueOf(execType))
                    .ordStatus(ordStatus.isEmpty() ? null : OrdStatus.valueOf(ordStatus))
                    .side(in.readChar()).ordType(in.readChar()).timeInForce(in.readChar())
                    .orderQty(in.readLong()).price(in.readLong()).stopPrice(in.readLong())
                    .lastQty(in.readLong()).lastPx(in.readLong()).cumQty(in.readLong()).leavesQty(in.readLong())
                    .avgPx(in.readLong()).ordRejReason(in.readInt()).riskRejectCode(in.readInt())
                    .transactTimeNanos(in.readLong());
                in.readBoolean();
                report.possResend(true).dropCopy(in.readBoolean());
                break;
            }
            case ORDER_CANCEL_REJECT:
            {
                reply.orderCancelReject.reset().orderId(in.readUTF()).clOrdId(in.readUTF())
                    .origClOrdId(in.readUTF()).text(in.readUTF());
                final String ordStatus = in.readUTF();
                reply.orderCancelReject.ordStatus(ordStatus.isEmpty() ? null : OrdStatus.valueOf(ordStatus))
                    .responseTo(in.readChar()).cxlRejReason(in.readInt());
                break;
            }
            case BUSINESS_REJECT:
                reply.businessReject.reset().refMsgType(in.readUTF()).businessRejectRefId(in.readUTF())
                    .text(in.readUTF()).refSeqNum(in.readInt()).reason(in.readInt());
                break;
            default:
            {
                final String msgType = in.readUTF();
                in.readBoolean();
                final byte[] body = new byte[in.readInt()];
                in.readFully(body);
                reply.raw(msgType, true, new UnsafeBuffer(body), 0, body.length);
                break;
            }
        }
        return reply;
    }

    @Override
    public void close()
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ex)
            {
                LOG.warn("Cannot close {}: {}", path, ex.getMessage());
            }
            channel = null;
        }
    }
}
