/**
 * Rebal's core: the root exception and the shared value style. The household model, validation and
 * the interfaces the other modules implement live in the sub-packages.
 */
package dev.rebal.core;
