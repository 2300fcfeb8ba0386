/** Rebal's built-in rules, registered through the same SPI as a firm's own. */
package dev.rebal.core.rule.builtin;
