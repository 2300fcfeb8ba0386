/** Results of a rebalance: trades with their lots and reason codes, and proposals. */
@RebalStyle
package dev.rebal.core.trade;

import dev.rebal.core.RebalStyle;
