/**
 * The order-entry API between the client-facing gateway and the OMS.
 *
 * <p>The gateway decodes client FIX messages (any FIX version) into the version-neutral request
 * views here and hands them to a {@link dev.bastion.oms.api.ClientOrderHandler}; the OMS answers
 * through {@link dev.bastion.oms.api.ClientReplies}, which the gateway encodes back into FIX for
 * the client's version. Views are mutable flyweights reused for every message: read them inside
 * the callback, copy what must outlive it.
 *
 * <p>Prices and quantities are fixed-point longs, see {@link dev.bastion.oms.api.FixedPoint}.
 */
package dev.bastion.oms.api;
