/**
 * The trade verifier's implementation: a second, independent reading of the restrictions. It must
 * not use the compiler in {@code dev.rebal.compliance.internal.compile} or the compiled constraint
 * types; a test checks the bytecode for cross references.
 */
package dev.rebal.compliance.internal.verify;
