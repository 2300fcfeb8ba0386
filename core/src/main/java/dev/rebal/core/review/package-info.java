/**
 * The review queue: proposals that need a human, with priority, assignment, optimistic locking and
 * audited approve, reject, modify and expire actions.
 */
package dev.rebal.core.review;
