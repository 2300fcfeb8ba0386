package dev.rebal.core.validation;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.restriction.AccountFreeze;
import dev.rebal.core.restriction.AssetLocationPreference;
import dev.rebal.core.restriction.BlackoutWindow;
import dev.rebal.core.restriction.ConcentrationCap;
import dev.rebal.core.restriction.DateWindow;
import dev.rebal.core.restriction.DoNotSell;
import dev.rebal.core.restriction.LotPreference;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.restriction.SecurityExclusion;
import dev.rebal.core.restriction.SecurityScope;
import dev.rebal.core.restriction.VolumeLimit;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.SecurityId;

/**
 * Restriction checks. A restriction that names something unknown (a security, issuer, asset class
 * or account) is an error: a typo would silently let through the trades it exists to stop. Windows
 * must not end before they start, and a blackout must be bounded at both ends; a window that ended
 * before the as-of date is only a warning (the restriction no longer binds, but the data is stale).
 */
final class RestrictionChecker {
  private RestrictionChecker() {}

  static void check(Context c) {
    for (Restriction r : c.household.restrictions()) {
      Path p = Path.of("restrictions", r.id());
      checkWindow(c, r, p.field("window"));
      if (r.source().isBlank()) {
        c.add(
            Code.RESTRICTION_SOURCE_BLANK,
            p.field("source"),
            "'" + r.source() + "'",
            "should say where the restriction comes from, for the audit");
      }
      if (r instanceof SecurityExclusion) {
        checkScope(c, ((SecurityExclusion) r).scope(), p.field("scope"));
      } else if (r instanceof DoNotSell) {
        DoNotSell d = (DoNotSell) r;
        checkScope(c, d.scope(), p.field("scope"));
        for (AccountId a : d.accounts()) {
          checkAccount(c, a, p.field("accounts", a));
        }
      } else if (r instanceof BlackoutWindow) {
        checkIssuer(c, ((BlackoutWindow) r).issuer(), p.field("issuer"));
      } else if (r instanceof VolumeLimit) {
        String issuer = ((VolumeLimit) r).issuer();
        checkIssuer(c, issuer, p.field("issuer"));
        if (!c.market.volumes().containsKey(issuer)) {
          c.add(
              Code.RESTRICTION_VOLUME_MISSING,
              p.field("issuer"),
              issuer,
              "needs the issuer's trading volume in the market data for the Rule 144 limit");
        }
      } else if (r instanceof ConcentrationCap) {
        ConcentrationCap cap = (ConcentrationCap) r;
        checkScope(c, cap.scope(), p.field("scope"));
        if (!TargetChecker.isPositiveFraction(cap.maxWeight())) {
          c.add(
              Code.RESTRICTION_CAP_RANGE,
              p.field("maxWeight"),
              cap.maxWeight(),
              "must lie in (0, 1]");
        }
      } else if (r instanceof AccountFreeze) {
        AccountId a = ((AccountFreeze) r).account();
        checkAccount(c, a, p.field("account"));
      } else if (r instanceof LotPreference) {
        checkScope(c, ((LotPreference) r).scope(), p.field("scope"));
      } else if (r instanceof AssetLocationPreference) {
        AssetLocationPreference a = (AssetLocationPreference) r;
        checkScope(c, a.scope(), p.field("scope"));
        if (a.penaltyBps().signum() < 0) {
          c.add(
              Code.RESTRICTION_PENALTY_NEGATIVE,
              p.field("penaltyBps"),
              a.penaltyBps().toPlainString(),
              "must not be negative");
        }
        if (a.avoidIn().isEmpty()) {
          c.add(
              Code.RESTRICTION_TREATMENTS_EMPTY,
              p.field("avoidIn"),
              "[]",
              "should name at least one tax treatment; it has no effect");
        }
      }
    }
  }

  private static void checkWindow(Context c, Restriction r, Path p) {
    DateWindow w = r.window();
    if (!w.isValid()) {
      c.add(Code.RESTRICTION_WINDOW_INVERTED, p, w, "must not end before it starts");
    } else if (w.untilInclusive().isPresent() && w.untilInclusive().get().isBefore(c.asOf)) {
      c.add(
          Code.RESTRICTION_WINDOW_EXPIRED,
          p,
          w,
          "ended before the as-of date " + c.asOf + "; the restriction no longer applies");
    }
    if (r instanceof BlackoutWindow
        && (w.fromInclusive().isEmpty() || w.untilInclusive().isEmpty())) {
      c.add(Code.RESTRICTION_WINDOW_UNBOUNDED, p, w, "a blackout must be bounded at both ends");
    }
  }

  private static void checkScope(Context c, SecurityScope scope, Path p) {
    switch (scope.type()) {
      case SECURITY:
        if (c.security(SecurityId.of(scope.value())).isEmpty()) {
          c.add(
              Code.RESTRICTION_SECURITY_UNKNOWN,
              p,
              scope,
              "must name a security of the market data");
        }
        break;
      case ISSUER:
        checkIssuer(c, scope.value(), p);
        break;
      case ASSET_CLASS:
        if (!c.hasAssetClass(AssetClass.of(scope.value()))) {
          c.add(
              Code.RESTRICTION_CLASS_UNKNOWN,
              p,
              scope,
              "must name an asset class of a security or of the target");
        }
        break;
      default:
        throw new IllegalStateException("unknown scope type " + scope.type());
    }
  }

  private static void checkIssuer(Context c, String issuer, Path p) {
    if (!c.hasIssuer(issuer)) {
      c.add(
          Code.RESTRICTION_ISSUER_UNKNOWN,
          p,
          issuer,
          "must be the issuer of a security of the market data");
    }
  }

  private static void checkAccount(Context c, AccountId a, Path p) {
    if (!c.hasAccount(a)) {
      c.add(Code.RESTRICTION_ACCOUNT_UNKNOWN, p, a, "must be an account of the household");
    }
  }
}
