/**
 * Lot relief: which lots a sale relieves (FIFO, LIFO, HIFO, specific identification, tax-optimal),
 * exact pro-rata splits of partial lots, and the per-lot result of a sale.
 *
 * @since 0.1
 */
package dev.rebal.tax.lots;
