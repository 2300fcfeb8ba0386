package dev.rebal.optimizer;

import dev.rebal.core.internal.Checks;
import java.math.BigDecimal;

/**
 * The objective's weights, each a rule-set parameter.
 *
 * <p>All are per traded dollar except {@code taxWeight}, which multiplies the tax on realised
 * gains. This record is immutable and thread-safe.
 *
 * @param transactionCostBps transaction cost in basis points of the traded amount, not negative
 * @param turnoverPenalty a small penalty per traded dollar that breaks ties toward fewer trades,
 *     not negative
 * @param taxWeight weight of the tax term (1 = a tax dollar counts as a dollar), not negative
 * @param driftWorsening the extra drift weight, per unit of a class's drift weight, on each dollar
 *     of drift a proposal creates: the class ends further beyond its mode's interval than it
 *     started (docs/optimizer.md, "No drift created"), not negative; 0 for none
 */
public record ObjectiveWeights(
    BigDecimal transactionCostBps,
    BigDecimal turnoverPenalty,
    BigDecimal taxWeight,
    BigDecimal driftWorsening) {
  /**
   * Checks that no weight is null or negative.
   *
   * @param transactionCostBps transaction cost in basis points of the traded amount, not negative
   * @param turnoverPenalty a small penalty per traded dollar that breaks ties toward fewer trades,
   *     not negative
   * @param taxWeight weight of the tax term (1 = a tax dollar counts as a dollar), not negative
   * @param driftWorsening the extra drift weight, per unit of a class's drift weight, on each
   *     dollar of drift a proposal creates, not negative
   */
  public ObjectiveWeights {
    Checks.isTrue(
        Checks.notNull(transactionCostBps, "transactionCostBps").signum() >= 0,
        "transactionCostBps",
        transactionCostBps,
        "must not be negative");
    Checks.isTrue(
        Checks.notNull(turnoverPenalty, "turnoverPenalty").signum() >= 0,
        "turnoverPenalty",
        turnoverPenalty,
        "must not be negative");
    Checks.isTrue(
        Checks.notNull(taxWeight, "taxWeight").signum() >= 0,
        "taxWeight",
        taxWeight,
        "must not be negative");
    Checks.isTrue(
        Checks.notNull(driftWorsening, "driftWorsening").signum() >= 0,
        "driftWorsening",
        driftWorsening,
        "must not be negative");
  }

  /**
   * Weights with the standard drift worsening, 1: a dollar of drift a proposal creates costs twice
   * its class's drift weight.
   *
   * @param transactionCostBps transaction cost in basis points of the traded amount, not negative
   * @param turnoverPenalty a small penalty per traded dollar that breaks ties toward fewer trades,
   *     not negative
   * @param taxWeight weight of the tax term (1 = a tax dollar counts as a dollar), not negative
   */
  public ObjectiveWeights(
      BigDecimal transactionCostBps, BigDecimal turnoverPenalty, BigDecimal taxWeight) {
    this(transactionCostBps, turnoverPenalty, taxWeight, BigDecimal.ONE);
  }

  /**
   * {@return 5 bps transaction cost, a 0.0001 turnover penalty, tax weight 1 and drift worsening 1}
   */
  public static ObjectiveWeights standard() {
    return new ObjectiveWeights(new BigDecimal("5"), new BigDecimal("0.0001"), BigDecimal.ONE);
  }
}
