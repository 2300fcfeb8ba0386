/** Securities: identity, asset class, kind, issuer, tax character and wash-sale group. */
@RebalStyle
package dev.rebal.core.security;

import dev.rebal.core.RebalStyle;
