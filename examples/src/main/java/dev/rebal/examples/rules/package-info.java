/**
 * An example of a firm's own rule registered through the rule SPI: {@link
 * dev.rebal.examples.rules.NoSingleStockOverweightRule}, offered by {@link
 * dev.rebal.examples.rules.FirmRules} and enabled in {@code examples/rules/firm-1.3.0.rules}.
 */
package dev.rebal.examples.rules;
