/**
 * Realized gains for the tax year: Schedule D netting, the capital-loss deduction and
 * carryforwards, the tax owed at the profile's rates, and the annual gain budget.
 *
 * @since 0.1
 */
package dev.rebal.tax.gains;
