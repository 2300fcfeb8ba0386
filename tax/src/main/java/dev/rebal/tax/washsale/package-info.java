/**
 * Wash sales (IRC 1091) across every account of a household, declared external accounts and planned
 * buys: the disallowed losses with their replacements, basis adjustment and holding-period tacking,
 * and the pre-trade constraints that keep a proposal from creating a wash sale.
 *
 * @since 0.1
 */
package dev.rebal.tax.washsale;
