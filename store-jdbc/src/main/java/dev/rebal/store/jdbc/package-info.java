/**
 * Durable stores on a relational database: the review queue ({@link
 * dev.rebal.store.jdbc.JdbcReviewQueue}) and the hash-chained audit log ({@link
 * dev.rebal.store.jdbc.JdbcAuditSink}), opened with their schema migrated by {@link
 * dev.rebal.store.jdbc.JdbcStore}. An embedded H2 file database needs no server; PostgreSQL is what
 * a firm runs in production. See docs/stores.md.
 */
package dev.rebal.store.jdbc;
