package dev.rebal.optimizer;

/**
 * The penalty per dollar of each elastic goal (docs/optimizer.md, "Goals and their priorities"), in
 * the units of the objective, where a dollar of class drift costs its drift weight (1 by default)
 * and a dollar of tax at most its rate. Each level is chosen so that a dollar of it outweighs
 * everything a dollar of trading can cost at the levels below it (a dollar sold moves a class by a
 * dollar, realises at most a dollar of gain taxed at most 1, and a dollar of turnover), which makes
 * the weighted sum act as the lexicographic order. Package-private.
 */
final class Priorities {
  /** A dollar of a committed liquidity need not held. */
  static final double NEED = 1000;

  /** A dollar of cash below an account's floor. */
  static final double FLOOR = 100;

  /** A dollar of net gain over the gain budget or of short-term gain over its cap. */
  static final double GAIN_BUDGET = 20;

  /** A dollar of buys plus sells over the turnover cap. */
  static final double TURNOVER = 10;

  /** A dollar of a concentration breach removed (the reward for moving toward the cap). */
  static final double CONCENTRATION = 5;

  private Priorities() {}
}
