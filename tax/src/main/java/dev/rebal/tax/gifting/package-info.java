/**
 * Charitable gifts in kind: the most appreciated long-term lots to give instead of cash, and the
 * tax the gift avoids.
 *
 * @since 0.1
 */
package dev.rebal.tax.gifting;
