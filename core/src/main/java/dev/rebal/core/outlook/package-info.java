/**
 * The goal outlook: how likely each of a household's goals is to be met, from a seeded Monte Carlo
 * of the goal's assigned assets along its glide path under stated capital market assumptions.
 *
 * <p>{@link dev.rebal.core.outlook.CapitalMarketAssumptions} is the versioned, hashed input
 * (expected returns, volatilities and correlations per asset class, inflation, yields and their tax
 * character); {@link dev.rebal.core.outlook.GoalOutlook} runs the simulation and returns a {@link
 * dev.rebal.core.outlook.HouseholdOutlook} of one {@link dev.rebal.core.outlook.GoalOdds} per goal.
 * The method, the default assumptions and what the probability means are in {@code docs/goals.md}.
 *
 * <p>Unlike the rest of core, the simulation runs on {@code double} arrays (as the optimizer does):
 * its inputs are converted once at the boundary and its results come back as {@code BigDecimal}
 * money and probabilities, rounded once.
 */
@RebalStyle
package dev.rebal.core.outlook;

import dev.rebal.core.RebalStyle;
