/**
 * Bastion's risk engine: a pure library (no I/O, no FIX, no threads) the OMS calls on every order and the
 * risk desk runs on positions and returns.
 * <ul>
 *     <li>{@link dev.bastion.risk.pretrade}: pre-trade checks and trading states, on the order path.</li>
 *     <li>{@link dev.bastion.risk.sizing}: Kelly position sizing.</li>
 *     <li>{@link dev.bastion.risk.var}: VaR and CVaR, historical, parametric and Monte Carlo.</li>
 *     <li>{@link dev.bastion.risk.correlation}, {@link dev.bastion.risk.stop}, {@link dev.bastion.risk.stress},
 *     {@link dev.bastion.risk.returns}: the risk desk's analytics.</li>
 * </ul>
 */
package dev.bastion.risk;
