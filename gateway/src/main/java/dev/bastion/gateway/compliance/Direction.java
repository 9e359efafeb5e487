package dev.bastion.gateway.compliance;

/** Which way a message crossed the gateway's socket. */
public enum Direction
{
    IN, OUT
}
