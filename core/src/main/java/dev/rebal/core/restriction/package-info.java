/**
 * Restrictions: a closed hierarchy of dated limits on what may be traded (exclusions, do-not-sell,
 * blackouts, Rule 144 volume, concentration caps, freezes, lot and asset-location preferences).
 */
package dev.rebal.core.restriction;
