package dev.rebal.engine.internal;

import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.valuation.ClassDrift;
import java.math.BigDecimal;

/**
 * Whether a class is out of its band as the threshold trigger sees it: by more than {@code
 * trigger.threshold.tolerance} (0.001, a tenth of a point). A class a proposal left at its band's
 * edge ends a hair past it once its trades are rounded to whole shares and cents; that hair is no
 * breach that lifts the recent-trade hold (generated household 56324 of seed 7 sold, the day after,
 * a fund its 401(k) had just bought, its small caps 0.0000016 points past the edge). The band
 * tier's repeat rule keeps the strict test: a class a hair out again goes to the middle, which the
 * backtest's review runs need (with the tolerance there, historical household-paths three months in
 * review rose from 9 to 12 of 150).
 */
final class BandBreach {
  private final BigDecimal tolerance;

  private BandBreach(BigDecimal tolerance) {
    this.tolerance = tolerance;
  }

  /** {@return the breach test of rule set {@code rs}} */
  static BandBreach of(RuleSet rs) {
    return new BandBreach(Params.decimal(rs, "trigger.threshold.tolerance", "0.001"));
  }

  /** {@return whether {@code drift} is out of its band by more than the tolerance} */
  boolean outOfBand(ClassDrift drift) {
    return drift.absoluteDrift().value().subtract(drift.halfWidth().value()).compareTo(tolerance)
        > 0;
  }
}
