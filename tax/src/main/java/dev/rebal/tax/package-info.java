/**
 * US federal tax awareness for Rebal: holding periods and the profile's marginal rates. The
 * sub-packages hold lot relief ({@code lots}), gain netting and budgets ({@code gains}), wash sales
 * and pre-trade tax constraints ({@code washsale}), loss harvesting ({@code harvest}), charitable
 * gifts in kind ({@code gifting}) and the optimizer's tax-cost curves ({@code cost}).
 *
 * <p>All money is exact {@link java.math.BigDecimal} at the scales of {@code dev.rebal.core.money};
 * every date is passed in. The rules implemented and their sources are listed in {@code
 * docs/tax.md}.
 *
 * @since 0.1
 */
package dev.rebal.tax;
