/** Targets: asset-class weights with tolerance bands, and the model securities that fill them. */
@RebalStyle
package dev.rebal.core.target;

import dev.rebal.core.RebalStyle;
