/**
 * Implementation details of the tax module; not API. No other module's public signature mentions
 * these types.
 */
package dev.rebal.tax.internal;
