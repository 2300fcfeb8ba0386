package dev.rebal.optimizer;

import dev.rebal.core.money.Weight;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the classes the band tier stopped short of the mode's interval ({@link BandEdgeStop}): each
 * started outside its band, on a side where the tier charges only a share of the drift weight, and
 * the LP point leaves it beyond the interval on that side by more than {@link
 * Shortfalls#BAND_TOLERANCE} of the drift base (the LP point, so that a class rounding leaves a few
 * dollars short is not named), but the rounded trades bring it back inside its band (a class still
 * outside is a goal left unmet, reported by {@link Shortfalls}); its weight is the one after the
 * rounded trades. Package-private.
 */
final class BandEdgeStops {
  private BandEdgeStops() {}

  static List<BandEdgeStop> measure(Model m, LpBuild build, double[] x, Rounder rounded) {
    List<BandEdgeStop> out = new ArrayList<>();
    if (m.driftBase <= 0) {
      return out;
    }
    BigDecimal base = BigDecimal.valueOf(m.driftBase);
    double tolerance = Shortfalls.BAND_TOLERANCE.doubleValue() * m.driftBase;
    BigDecimal[] after = null;
    for (ClassGoal g : m.problem.classGoals()) {
      int c = Arrays.binarySearch(m.classes, g.assetClass());
      if (m.edgeWeight[c] <= 0) {
        continue;
      }
      boolean aboveBand = m.classValue[c] > m.bandUpper[c] && m.edgeUpper[c] > m.upper[c];
      boolean belowBand = m.classValue[c] < m.bandLower[c];
      if (!aboveBand && !belowBand) {
        continue;
      }
      // the class started outside its interval, so its drift is the column on its side less the
      // removed column, plus the constant the removed column offsets
      double removed = column(build, x, LpBuild.REMOVED, c) * m.value;
      double beyond =
          aboveBand
              ? column(build, x, LpBuild.OVER, c) * m.value - removed + m.classValue[c] - m.upper[c]
              : column(build, x, LpBuild.UNDER, c) * m.value
                  - removed
                  + m.lower[c]
                  - m.classValue[c];
      if (beyond <= tolerance) {
        continue;
      }
      if (after == null) {
        after = rounded.exactClassesAfter();
      }
      double outside =
          aboveBand
              ? after[c].doubleValue() - m.bandUpper[c]
              : m.bandLower[c] - after[c].doubleValue();
      if (outside > tolerance) {
        // still outside its band: a goal left unmet (a Shortfalls class drift), not a tier stop
        continue;
      }
      out.add(
          new BandEdgeStop(
              g.assetClass(),
              weight(after[c], base),
              g.target().weight(),
              g.target().halfWidth(),
              weight(BigDecimal.valueOf(aboveBand ? m.upper[c] : m.lower[c]), base)));
    }
    return out;
  }

  /** The LP point's drift column of {@code kind} for class {@code c}, 0 if it has none. */
  private static double column(LpBuild build, double[] x, int kind, int c) {
    for (int j = 0; j < x.length; j++) {
      if (build.kind[j] == kind && build.segment[j] == c) {
        return x[j];
      }
    }
    return 0;
  }

  private static Weight weight(BigDecimal dollars, BigDecimal base) {
    return Weight.ofComputed(dollars.divide(base, MathContext.DECIMAL64));
  }
}
