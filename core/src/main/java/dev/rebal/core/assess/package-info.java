/** Assessment: what the engine knows about a household before and after proposing trades. */
@RebalStyle
package dev.rebal.core.assess;

import dev.rebal.core.RebalStyle;
