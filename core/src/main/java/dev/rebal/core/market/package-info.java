/** Market and reference data: the security master, prices and trading volumes. */
@RebalStyle
package dev.rebal.core.market;

import dev.rebal.core.RebalStyle;
