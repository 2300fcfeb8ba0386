package dev.rebal.core.batch;

/**
 * How a batch ended: items done and failed, whether it was cancelled, and the last progress. This
 * record is immutable and thread-safe.
 *
 * @param done items finished and emitted, in input order
 * @param failed items whose work threw
 * @param cancelled whether the batch stopped early on request
 * @param elapsedNanos the batch's duration by its ticker
 */
public record BatchSummary(long done, long failed, boolean cancelled, long elapsedNanos) {}
