package dev.rebal.optimizer;

/**
 * The size of the last LP solved for a household, and how many solves it took.
 *
 * @param variables columns, including drift variables
 * @param constraints rows, including one per variable upper bound
 * @param solves LP solves, including re-solves with more segments and retries
 */
public record LpSize(int variables, int constraints, int solves) {}
