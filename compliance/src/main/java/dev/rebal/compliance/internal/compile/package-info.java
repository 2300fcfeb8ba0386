/**
 * The constraint compiler's implementation. It must not be used by, or use, the verifier in {@code
 * dev.rebal.compliance.internal.verify}; a test checks the bytecode for cross references.
 */
package dev.rebal.compliance.internal.compile;
