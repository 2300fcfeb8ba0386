/** Goals with their glide paths, and dated liquidity events (needs, inflows, gifts). */
@RebalStyle
package dev.rebal.core.goal;

import dev.rebal.core.RebalStyle;
