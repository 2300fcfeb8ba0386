/**
 * Tax-loss harvesting: lots with unrealized losses above thresholds, sold and replaced by a model
 * substitute that is not substantially identical, respecting wash-sale windows across the
 * household.
 *
 * @since 0.1
 */
package dev.rebal.tax.harvest;
