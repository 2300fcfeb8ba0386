/**
 * The batch runner: one function over a streamed book, in parallel, with bounded memory, fault
 * isolation, progress, cancellation, and output in input order whatever the thread count.
 */
package dev.rebal.core.batch;
