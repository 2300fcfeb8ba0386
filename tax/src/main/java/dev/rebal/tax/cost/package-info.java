/**
 * The tax-cost model for the optimizer: for each (account, security), the marginal tax of selling
 * one more dollar, as a convex piecewise-linear function over the lots in tax-optimal relief order.
 *
 * @since 0.1
 */
package dev.rebal.tax.cost;
