package dev.rebal.core.validation;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.Model;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Target-allocation and model checks. A target allocation (the household's, or one step of a goal's
 * glide path) must list classes whose weights lie in [0, 1] and sum to 1 within {@link
 * #SUM_TOLERANCE}, with bands that are not negative and whose half-width does not exceed a positive
 * weight (else the class could vanish without leaving its band; a zero-weight class may keep a band
 * as a tolerance for what is still held), and every class with a positive weight must have a model
 * security to buy. Model securities must be known and of the class they fill.
 */
final class TargetChecker {
  /** How far the weights may sum from 1: input weights are exact decimals, so 1e-9 is generous. */
  static final BigDecimal SUM_TOLERANCE = new BigDecimal("1E-9");

  private TargetChecker() {}

  static void check(Context c) {
    checkAllocation(c, c.household.target(), Path.of("target"));
    checkModel(c, c.household.model());
  }

  /** Checks one allocation found at {@code p}. */
  static void checkAllocation(Context c, TargetAllocation target, Path p) {
    // the household's target and its goals' glide-path steps often share an allocation: one found
    // clean is clean again (its checks read only it and the household's model)
    if (c.isCleanAllocation(target)) {
      return;
    }
    int before = c.problems.list().size();
    checkAllocationOnce(c, target, p);
    if (c.problems.list().size() == before) {
      c.addCleanAllocation(target);
    }
  }

  private static void checkAllocationOnce(Context c, TargetAllocation target, Path p) {
    if (target.classes().isEmpty()) {
      c.add(Code.TARGET_EMPTY, p.field("classes"), "{}", "must list at least one asset class");
      return;
    }
    // the weights' exact sum, what totalWeight() adds, without a Weight per step
    BigDecimal sum = Weight.ZERO.value();
    for (ClassTarget t : target.classes().values()) {
      sum = sum.add(t.weight().value());
    }
    BigDecimal excess = sum.subtract(BigDecimal.ONE).abs();
    if (excess.compareTo(SUM_TOLERANCE) > 0) {
      c.add(
          Code.TARGET_WEIGHTS_SUM,
          p.field("classes"),
          target.totalWeight(),
          "weights must sum to 1");
    }
    for (Map.Entry<AssetClass, ClassTarget> e : target.classes().entrySet()) {
      Path cp = p.field("classes", e.getKey());
      ClassTarget t = e.getValue();
      if (!t.weight().isFraction()) {
        c.add(Code.TARGET_WEIGHT_RANGE, cp.field("weight"), t.weight(), "must lie in [0, 1]");
      }
      boolean bandsOk = true;
      if (t.absoluteBand().isNegative()) {
        bandsOk = false;
        c.add(
            Code.TARGET_BAND_NEGATIVE,
            cp.field("absoluteBand"),
            t.absoluteBand(),
            "must not be negative");
      }
      if (t.relativeBand().isNegative()) {
        bandsOk = false;
        c.add(
            Code.TARGET_BAND_NEGATIVE,
            cp.field("relativeBand"),
            t.relativeBand(),
            "must not be negative");
      }
      if (bandsOk && t.weight().value().signum() > 0 && isBandWiderThanWeight(t)) {
        c.add(
            Code.TARGET_BAND_WIDER_THAN_WEIGHT,
            cp.field("absoluteBand"),
            t.halfWidth(),
            "band half-width must not exceed the weight "
                + t.weight()
                + " (the lower bound would be negative)");
      }
      if (t.weight().value().signum() > 0 && !c.isModeled(e.getKey())) {
        c.add(
            Code.TARGET_CLASS_UNMODELED,
            cp.field("weight"),
            t.weight(),
            "is positive but model "
                + c.household.model().id()
                + " has no security for "
                + e.getKey());
      }
    }
  }

  private static void checkModel(Context c, Model model) {
    Path p = Path.of("model").field("securities");
    for (Map.Entry<AssetClass, ImmutableList<SecurityId>> e : model.securities().entrySet()) {
      Set<SecurityId> seen = new HashSet<>();
      for (SecurityId id : e.getValue()) {
        Path sp = p.key(e.getKey()).key(id);
        if (!seen.add(id)) {
          c.add(Code.MODEL_SECURITY_DUPLICATE, sp, id, "is listed twice for " + e.getKey());
          continue;
        }
        Optional<Security> s = c.security(id);
        if (s.isEmpty()) {
          c.add(Code.MODEL_SECURITY_UNKNOWN, sp, id, "must be a security of the market data");
        } else if (!s.get().assetClass().equals(e.getKey())) {
          c.add(
              Code.MODEL_SECURITY_CLASS_MISMATCH,
              sp,
              id,
              "is in asset class " + s.get().assetClass() + ", so it cannot fill " + e.getKey());
        }
      }
    }
  }

  /**
   * Returns whether {@code t.halfWidth()} exceeds the (positive) weight. A relative band of at most
   * 1 gives a relative half-width of at most the weight (the weight has the half-width's scale, and
   * rounding keeps the order), so then only the absolute band can exceed it, and the product {@code
   * halfWidth} computes is skipped.
   */
  private static boolean isBandWiderThanWeight(ClassTarget t) {
    if (t.relativeBand().value().compareTo(BigDecimal.ONE) <= 0) {
      return t.absoluteBand().compareTo(t.weight()) > 0;
    }
    return t.halfWidth().compareTo(t.weight()) > 0;
  }

  /** Returns whether {@code w} lies in (0, 1]. */
  static boolean isPositiveFraction(Weight w) {
    return w.value().signum() > 0 && w.isFraction();
  }
}
