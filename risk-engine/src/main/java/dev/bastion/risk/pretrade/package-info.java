/**
 * Pre-trade checks and trading states, called by the OMS's business thread on every order.
 * <p>
 * Wiring, once the OMS calls it (through small adapters in the OMS; this package knows nothing of it):
 * <ul>
 *     <li>At start: {@code new PreTradeChecker(new PreTradeConfiguration()...conclude())}, with per-account
 *     overrides, sectors and restricted lists from the gateway's configuration file.</li>
 *     <li>Each new order or replace: an {@link dev.bastion.risk.pretrade.OrderTerms} view of the order (its
 *     Side and OrdType as FIX chars) and one reused {@link dev.bastion.risk.pretrade.CheckResult};
 *     {@code rejectCode().code()} is RiskRejectCode (20020) and {@code rejectText()} the Text (58) of the
 *     ExecutionReport(Rejected).</li>
 *     <li>Then, as things happen: {@code onOrderOpen} when the order is accepted, {@code onOrderReplaced},
 *     {@code onFill}, {@code onOrderDone} (filled, canceled, rejected, expired), {@code onMessage} for cancels
 *     and status requests, {@code onMarketPrice}/{@code onQuote} from market data, and
 *     {@code startTradingDay} at the day's roll.</li>
 *     <li>Operators and the anomaly detector: {@code transition}/{@code transitionFirm} with a reason; the
 *     {@link dev.bastion.risk.pretrade.TradingStateListener} hears every transition, the daily-loss halt
 *     included.</li>
 * </ul>
 */
package dev.bastion.risk.pretrade;
