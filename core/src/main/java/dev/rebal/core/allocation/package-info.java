/**
 * Allocations: target asset-class weights with tolerance bands, and the model securities that fill
 * them.
 */
@RebalStyle
package dev.rebal.core.allocation;

import dev.rebal.core.RebalStyle;
