package dev.bastion.gateway.config;

/**
 * Everything {@code bastion.yaml} configures.
 *
 * @param gateway   the client-facing gateway, concluded.
 * @param orderFlow the OMS, risk, venues and routing behind it.
 */
public record BastionConfiguration(GatewayConfiguration gateway, OrderFlowConfiguration orderFlow)
{
}
