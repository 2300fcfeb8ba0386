/**
 * Money, quantities, unit prices and weights: exact decimal values with fixed scales. The scale
 * rules of the whole library are stated once, in {@link dev.rebal.core.money.Money}.
 */
package dev.rebal.core.money;
