/**
 * Internals of the compliance module; nothing here is API. The compiler ({@code compile}) and the
 * verifier ({@code verify}) live in separate sub-packages and never call each other.
 */
package dev.rebal.compliance.internal;
