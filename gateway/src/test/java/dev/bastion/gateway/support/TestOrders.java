package dev.bastion.gateway.support;

import quickfix.Message;
import quickfix.field.Account;
import quickfix.field.ClOrdID;
import quickfix.field.HandlInst;
import quickfix.field.MsgType;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TransactTime;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Orders as a client would send them, for tests that drive the gateway with QuickFIX/J. */
public final class TestOrders
{
    private TestOrders()
    {
    }

    /** A limit NewOrderSingle for account ACC-1. */
    public static Message newOrderSingle(
        final String beginString, final String clOrdId, final String symbol, final char side, final double qty,
        final double price)
    {
        final Message order = new Message();
        order.getHeader().setString(8, beginString);
        order.getHeader().setString(MsgType.FIELD, MsgType.ORDER_SINGLE);
        order.setString(ClOrdID.FIELD, clOrdId);
        order.setString(Account.FIELD, "ACC-1");
        order.setChar(HandlInst.FIELD, HandlInst.AUTOMATED_EXECUTION_ORDER_PRIVATE_NO_BROKER_INTERVENTION);
        order.setString(Symbol.FIELD, symbol);
        order.setChar(Side.FIELD, side);
        order.setDouble(OrderQty.FIELD, qty);
        order.setChar(OrdType.FIELD, OrdType.LIMIT);
        order.setDouble(Price.FIELD, price);
        order.setUtcTimeStamp(TransactTime.FIELD, LocalDateTime.now(ZoneOffset.UTC));
        return order;
    }
}
