package dev.bastion.gateway;

import dev.bastion.gateway.admin.AdminEndpoint;
import dev.bastion.gateway.config.GatewayConfiguration;
import dev.bastion.oms.pipeline.OmsConfiguration;
import dev.bastion.oms.pipeline.OrderPipeline;
import org.agrona.CloseHelper;

/**
 * Bastion as one process: the client-facing gateway with the OMS pipeline behind it, and the
 * pipeline's venue connections. {@link #launch} returns once the gateway accepts logons; the
 * pipeline's business thread and venue sessions are started by then.
 */
public final class BastionServer implements AutoCloseable
{
    private final BastionGateway gateway;
    private final OrderPipeline pipeline;
    /** Null when the configuration has no admin endpoint. */
    private AdminEndpoint admin;

    private BastionServer(final BastionGateway gateway, final OrderPipeline pipeline)
    {
        this.gateway = gateway;
        this.pipeline = pipeline;
    }

    /**
     * @param oms concluded here, before any socket opens, so a bad configuration stops the start.
     */
    public static BastionServer launch(final GatewayConfiguration gatewayConfiguration, final OmsConfiguration oms)
    {
        if (oms.dataDirectory() == null)
        {
            // Orders and portfolio beside the sessions' state: one data directory to back up and restore.
            oms.dataDirectory(gatewayConfiguration.dataDirectory().resolve("oms"));
        }
        oms.conclude();
        final OrderPipeline[] pipeline = new OrderPipeline[1];
        try
        {
            final BastionGateway gateway = BastionGateway.launch(gatewayConfiguration, replies ->
            {
                pipeline[0] = new OrderPipeline(oms, replies).start();
                return pipeline[0].clientHandler();
            });
            final BastionServer server = new BastionServer(gateway, pipeline[0]);
            if (gatewayConfiguration.admin().enabled())
            {
                try
                {
                    server.admin = AdminEndpoint.start(gatewayConfiguration.admin(), pipeline[0]);
                }
                catch (final RuntimeException ex)
                {
                    server.close();
                    throw ex;
                }
            }
            return server;
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(pipeline[0]);
            throw ex;
        }
    }

    public BastionGateway gateway()
    {
        return gateway;
    }

    public OrderPipeline pipeline()
    {
        return pipeline;
    }

    /** The admin endpoint's port, or 0 when there is none. */
    public int adminPort()
    {
        return admin == null ? 0 : admin.port();
    }

    /** Stops client input first, then the pipeline (which logs out of the venues). */
    @Override
    public void close()
    {
        CloseHelper.quietClose(admin);
        CloseHelper.quietClose(gateway);
        CloseHelper.quietClose(pipeline);
    }
}
