/**
 * Valuation and drift: what a household holds, valued at market prices, by account, position and
 * asset class, and how far each asset class has drifted from the household's target.
 */
@RebalStyle
package dev.rebal.core.valuation;

import dev.rebal.core.RebalStyle;
