/** Overrides: explicit, logged, expiring exceptions to the rules, with the two-person rule. */
package dev.rebal.core.override;
