package dev.rebal.engine.internal;

import dev.rebal.core.household.Household;
import dev.rebal.core.restriction.BlackoutWindow;
import dev.rebal.core.restriction.ConcentrationCap;
import dev.rebal.core.restriction.DoNotSell;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.restriction.SecurityExclusion;
import dev.rebal.core.restriction.VolumeLimit;
import dev.rebal.core.security.Security;
import dev.rebal.core.trade.Side;
import java.time.LocalDate;

/**
 * How a trade meets the household's restrictions, for routing. A trade compliance looks at is
 * {@link #REVIEWED}: any trade in an issuer under a control-person volume limit (a sale needs its
 * filing) or a blackout window, a sale of a security under do-not-sell, a buy of a security under
 * an exclusion or a cap. A sale that only moves a security toward what its exclusion or cap asks
 * (an employee selling employer stock the employer forbids buying) is {@link #REDUCED}: reported on
 * the decision, reviewed only if the rule set asks. Anything else is {@link #NONE}.
 */
enum RestrictedActivity {
  /** Not restricted, or no restriction in effect names the security. */
  NONE,
  /** A sale toward the security's exclusion or cap, with no filing or blackout on its issuer. */
  REDUCED,
  /** A trade a compliance desk reviews. */
  REVIEWED;

  /** Classifies a trade of {@code sec} on {@code side} against {@code h}'s restrictions. */
  static RestrictedActivity of(Household h, Security sec, Side side, LocalDate asOf) {
    boolean limitsHolding = false;
    for (Restriction r : h.restrictions()) {
      if (!r.isInEffect(asOf)) {
        continue;
      }
      if (r instanceof BlackoutWindow b && b.issuer().equals(sec.issuer())
          || r instanceof VolumeLimit v && v.issuer().equals(sec.issuer())
          || r instanceof DoNotSell d && d.scope().matches(sec)) {
        return REVIEWED;
      }
      if (r instanceof SecurityExclusion x && x.scope().matches(sec)
          || r instanceof ConcentrationCap c && c.scope().matches(sec)) {
        limitsHolding = true;
      }
    }
    if (!limitsHolding) {
      return NONE;
    }
    return side == Side.BUY ? REVIEWED : REDUCED;
  }
}
