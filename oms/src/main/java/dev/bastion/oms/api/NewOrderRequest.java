package dev.bastion.oms.api;

/** NewOrderSingle (D). */
public final class NewOrderRequest extends OrderFields
{
    @Override
    public String msgType()
    {
        return "D";
    }
}
