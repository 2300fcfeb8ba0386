/**
 * The household: members, accounts, tax lots, recent transactions, tax profile, and everything else
 * the engine reads about one unit of advice.
 */
@RebalStyle
package dev.rebal.core.household;

import dev.rebal.core.RebalStyle;
