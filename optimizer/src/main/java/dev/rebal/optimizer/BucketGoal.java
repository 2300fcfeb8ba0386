package dev.rebal.optimizer;

import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.security.AssetClass;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One asset class's target, band and drift weight within a goal bucket: a part of the household
 * made of shares of some accounts (docs/goals.md, docs/optimizer.md section 5).
 *
 * <p>The bucket's value and its class value are the accounts' values (cash included) and class
 * values, each times the account's share; trades within those accounts move the class value and
 * leave the bucket's value unchanged (apart from costs, which the LP does not count in values, as
 * for the household). The goal interval of the mode applies to the bucket's value as it does to the
 * household's, and drift outside it is penalised at {@code driftWeight} per dollar, with its own
 * over and under columns. This record is immutable and thread-safe.
 *
 * @param bucket the bucket's id (a goal id), not blank; goals of one bucket share it
 * @param accountShares the share of each account's value in the bucket, each in (0, 1], not empty
 * @param assetClass the class
 * @param target its target weight within the bucket, and bands
 * @param driftWeight the penalty per dollar of bucket drift, not negative
 */
public record BucketGoal(
    String bucket,
    SortedMap<AccountId, BigDecimal> accountShares,
    AssetClass assetClass,
    ClassTarget target,
    BigDecimal driftWeight) {
  /**
   * Checks the components and copies the shares into an unmodifiable map sorted by account.
   *
   * @param bucket the bucket's id (a goal id), not blank; goals of one bucket share it
   * @param accountShares the share of each account's value in the bucket, each in (0, 1], not empty
   * @param assetClass the class
   * @param target its target weight within the bucket, and bands
   * @param driftWeight the penalty per dollar of bucket drift, not negative
   */
  public BucketGoal {
    Checks.notBlank(bucket, "bucket");
    Checks.notNull(accountShares, "accountShares");
    Checks.isTrue(!accountShares.isEmpty(), "accountShares", accountShares, "must not be empty");
    for (Map.Entry<AccountId, BigDecimal> e : accountShares.entrySet()) {
      BigDecimal s = Checks.notNull(e.getValue(), "accountShares[" + e.getKey() + "]");
      Checks.isTrue(
          s.signum() > 0 && s.compareTo(BigDecimal.ONE) <= 0,
          "accountShares[" + e.getKey() + "]",
          s,
          "must be in (0, 1]");
    }
    accountShares = Collections.unmodifiableSortedMap(new TreeMap<>(accountShares));
    Checks.notNull(assetClass, "assetClass");
    Checks.notNull(target, "target");
    Checks.isTrue(
        Checks.notNull(driftWeight, "driftWeight").signum() >= 0,
        "driftWeight",
        driftWeight,
        "must not be negative");
  }
}
