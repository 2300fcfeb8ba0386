/**
 * Goal-aware planning: the value assigned to each goal, its glide-path allocation and funded ratio,
 * and the household target blended from them.
 */
package dev.rebal.core.plan;
