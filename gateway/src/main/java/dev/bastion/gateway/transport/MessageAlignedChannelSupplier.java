package dev.bastion.gateway.transport;

import uk.co.real_logic.artio.engine.EngineConfiguration;
import uk.co.real_logic.artio.engine.framer.DefaultTcpChannelSupplier;
import uk.co.real_logic.artio.engine.framer.TcpChannel;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * Artio's socket supplier, with every accepted connection wrapped in a
 * {@link MessageAlignedTcpChannel} sized like the engine's receive buffer. Set through
 * {@link EngineConfiguration#channelSupplierFactory}.
 */
public final class MessageAlignedChannelSupplier extends DefaultTcpChannelSupplier
{
    private final int bufferSize;

    public MessageAlignedChannelSupplier(final EngineConfiguration configuration)
    {
        super(configuration);
        this.bufferSize = configuration.receiverBufferSize();
    }

    @Override
    protected TcpChannel newTcpChannel(final SocketChannel channel) throws IOException
    {
        return new MessageAlignedTcpChannel(channel, bufferSize);
    }
}
