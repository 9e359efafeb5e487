package dev.bastion.gateway;

import dev.bastion.oms.api.ClientOrderHandler;
import dev.bastion.oms.api.ClientReplies;

/**
 * Connects the gateway to what processes client orders: given the gateway's reply path, it
 * returns the handler that receives the decoded client messages.
 */
@FunctionalInterface
public interface GatewayWiring
{
    ClientOrderHandler orderHandler(ClientReplies replies);
}
