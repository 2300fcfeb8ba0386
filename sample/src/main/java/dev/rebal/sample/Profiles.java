package dev.rebal.sample;

import static dev.rebal.sample.SecurityUniverse.CASH;
import static dev.rebal.sample.SecurityUniverse.EMERGING_MARKETS;
import static dev.rebal.sample.SecurityUniverse.INTL_DEVELOPED;
import static dev.rebal.sample.SecurityUniverse.MUNI_BONDS;
import static dev.rebal.sample.SecurityUniverse.REAL_ESTATE;
import static dev.rebal.sample.SecurityUniverse.US_BONDS;
import static dev.rebal.sample.SecurityUniverse.US_LARGE_CAP;
import static dev.rebal.sample.SecurityUniverse.US_SMALL_CAP;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.Model;
import dev.rebal.core.allocation.ModelId;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The risk profiles households are assigned: target weights in basis points per asset class (each
 * row sums to 10,000) with bands of 3 points absolute (at most half the weight) and 20% relative,
 * and one model per profile listing every class's funds with distinct wash-sale groups, preferred
 * first.
 */
final class Profiles {
  static final ImmutableList<AssetClass> CLASSES =
      ImmutableList.of(
          US_LARGE_CAP,
          US_SMALL_CAP,
          INTL_DEVELOPED,
          EMERGING_MARKETS,
          REAL_ESTATE,
          US_BONDS,
          MUNI_BONDS,
          CASH);
  static final String[] NAMES = {"AGGRESSIVE", "GROWTH", "BALANCED", "CONSERVATIVE", "TAX_AWARE"};

  /** Rows in the order of {@link #NAMES}; columns in the order of {@link #CLASSES}. */
  static final int[][] WEIGHTS_BP = {
    {4000, 1200, 2000, 1000, 500, 1000, 0, 300},
    {3500, 800, 1700, 600, 400, 2500, 0, 500},
    {2800, 500, 1300, 400, 500, 4000, 0, 500},
    {1800, 200, 800, 200, 500, 5500, 0, 1000},
    {2800, 500, 1300, 400, 0, 1500, 3000, 500},
  };

  static final int TAX_AWARE = 4;
  static final int ABSOLUTE_BAND_BP = 300;
  static final int RELATIVE_BAND_PERCENT = 20;

  private final List<TargetAllocation> targets = new ArrayList<>();
  private final List<Model> models = new ArrayList<>();
  private final Security[][] primaries = new Security[NAMES.length][];
  private final TargetAllocation allCash;

  Profiles(SecurityUniverse universe) {
    int[] allCashBp = new int[CLASSES.size()];
    allCashBp[CLASSES.indexOf(CASH)] = 10_000;
    this.allCash = target(allCashBp);
    for (int p = 0; p < NAMES.length; p++) {
      targets.add(target(WEIGHTS_BP[p]));
      Model.Builder m = Model.builder().id(ModelId.of("MODEL-" + NAMES[p]));
      // every class, so that any glide-path step can be filled from the model
      for (AssetClass c : CLASSES) {
        m.putSecurities(c, modelSecurities(universe, c));
      }
      Model model = m.build();
      models.add(model);
      primaries[p] = new Security[CLASSES.size()];
      for (int c = 0; c < CLASSES.size(); c++) {
        primaries[p][c] = universe.security(model.securities().get(CLASSES.get(c)).get(0));
      }
    }
  }

  /** Returns the class's funds, first of each wash-sale group only, in universe order. */
  static ImmutableList<SecurityId> modelSecurities(SecurityUniverse universe, AssetClass c) {
    Set<String> groups = new HashSet<>();
    ImmutableList.Builder<SecurityId> out = ImmutableList.builder();
    for (Security s : universe.inClass(c)) {
      boolean fund =
          s.kind() == dev.rebal.core.security.SecurityKind.ETF
              || s.kind() == dev.rebal.core.security.SecurityKind.MUTUAL_FUND
              || s.kind() == dev.rebal.core.security.SecurityKind.CASH_EQUIVALENT;
      if (fund && groups.add(s.washSaleGroup())) {
        out.add(s.id());
      }
    }
    return out.build();
  }

  static TargetAllocation target(int[] weightsBp) {
    TargetAllocation.Builder t = TargetAllocation.builder();
    for (int c = 0; c < CLASSES.size(); c++) {
      if (weightsBp[c] > 0) {
        t.putClasses(
            CLASSES.get(c),
            new ClassTarget(
                bp(weightsBp[c]),
                bp(absoluteBandBp(weightsBp[c])),
                Weight.of(BigDecimal.valueOf(RELATIVE_BAND_PERCENT, 2))));
      }
    }
    return t.build();
  }

  /** Returns the absolute band: 3 points, but at most half the weight (the band stays above 0). */
  static int absoluteBandBp(int weightBp) {
    return Math.min(ABSOLUTE_BAND_BP, weightBp / 2);
  }

  /** Returns the band half-width in basis points: max(absolute, relative x weight). */
  static int halfWidthBp(int weightBp) {
    return Math.max(absoluteBandBp(weightBp), weightBp * RELATIVE_BAND_PERCENT / 100);
  }

  static Weight bp(int bp) {
    return Weight.of(BigDecimal.valueOf(bp, 4));
  }

  TargetAllocation target(int profile) {
    return targets.get(profile);
  }

  /** Returns the target with everything in cash (an emergency reserve's glide path). */
  TargetAllocation allCash() {
    return allCash;
  }

  Model model(int profile) {
    return models.get(profile);
  }

  /** Returns the profile's model's first security of the class at {@code classIndex}. */
  Security primary(int profile, int classIndex) {
    return primaries[profile][classIndex];
  }
}
