/**
 * Rule sets: named, semantically versioned sets of rule ids and parameters with a content hash,
 * loaded from text and diffed.
 */
package dev.rebal.core.ruleset;
