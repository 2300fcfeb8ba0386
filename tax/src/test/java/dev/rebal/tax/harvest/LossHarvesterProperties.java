package dev.rebal.tax.harvest;

import static dev.rebal.tax.TaxFixtures.IRA;
import static dev.rebal.tax.TaxFixtures.TAXABLE;
import static dev.rebal.tax.TaxFixtures.US_EQUITY;
import static dev.rebal.tax.TaxFixtures.account;
import static dev.rebal.tax.TaxFixtures.date;
import static dev.rebal.tax.TaxFixtures.lot;
import static dev.rebal.tax.TaxFixtures.market;
import static dev.rebal.tax.TaxFixtures.profile;
import static dev.rebal.tax.TaxFixtures.security;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Invariants of the loss harvester over random class falls: four funds of one class at $100 (A1 and
 * A2 one wash-sale group, B and C a group each), lots in a taxable account and an IRA at random
 * bases. No harvest creates a wash sale within the proposal (no harvested group is anyone's
 * replacement), every lot that reaches the thresholds is harvested or skipped with a reason, and a
 * class with a second group to buy always harvests something.
 */
class LossHarvesterProperties {
  private static final LocalDate AS_OF = date("2025-06-16");
  private static final List<String> FUNDS = List.of("A1", "A2", "B", "C");
  private static final MarketData MARKET =
      market(
          List.of(security("A1", "A"), security("A2", "A"), security("B", "B"), security("C", "C")),
          Map.of("A1", "100", "A2", "100", "B", "100", "C", "100"),
          AS_OF);
  private static final HarvestPolicy POLICY = HarvestPolicy.of("500", "5");

  /**
   * Each lot: fund index (0-3), account (even taxable, odd IRA), shares, basis per share ($60 to
   * $160 against a price of $100).
   */
  private static Household household(List<List<Integer>> lots) {
    List<TaxLot> out = new ArrayList<>();
    for (int i = 0; i < lots.size(); i++) {
      List<Integer> l = lots.get(i);
      long shares = l.get(2);
      out.add(
          lot(
              "L" + i,
              l.get(1) % 2 == 0 ? TAXABLE : IRA,
              SecurityId.of(FUNDS.get(l.get(0))),
              shares,
              String.valueOf(shares * l.get(3)),
              date("2023-01-10")));
    }
    List<SecurityId> model = new ArrayList<>();
    FUNDS.forEach(f -> model.add(SecurityId.of(f)));
    return dev.rebal.tax.TaxFixtures.household(
        List.of(account(TAXABLE, AccountType.TAXABLE), account(IRA, AccountType.TRADITIONAL_IRA)),
        out,
        List.of(),
        profile(),
        Map.of(US_EQUITY, model));
  }

  private static String group(SecurityId s) {
    return MARKET.findSecurity(s).map(Security::washSaleGroup).orElseThrow();
  }

  @Property
  void noHarvestedGroupIsBoughtAndEveryCandidateIsAccountedFor(
      @ForAll @Size(min = 1, max = 8)
          List<@Size(4) List<@IntRange(min = 0, max = 3) Integer>> shape,
      @ForAll @Size(min = 8, max = 8) List<@IntRange(min = 10, max = 200) Integer> shares,
      @ForAll @Size(min = 8, max = 8) List<@IntRange(min = 60, max = 160) Integer> bases) {
    List<List<Integer>> lots = new ArrayList<>();
    for (int i = 0; i < shape.size(); i++) {
      lots.add(List.of(shape.get(i).get(0), shape.get(i).get(1), shares.get(i), bases.get(i)));
    }
    Household h = household(lots);

    HarvestScan scan = LossHarvester.standard().scan(h, MARKET, AS_OF, POLICY);

    Set<String> sold = new TreeSet<>();
    Set<LotId> harvestedLots = new TreeSet<>();
    for (Harvest hv : scan.harvests()) {
      sold.add(group(hv.sold()));
      hv.sale().lots().forEach(l -> harvestedLots.add(l.lot()));
      assertThat(hv.account()).isEqualTo(TAXABLE);
    }
    for (Harvest hv : scan.harvests()) {
      assertThat(sold)
          .as("replacement %s of %s", hv.replacement(), hv.sold())
          .doesNotContain(group(hv.replacement()));
    }
    // every taxable lot at a loss of at least $500 and 5% is harvested or skipped, never both
    Set<LotId> skipped = new TreeSet<>();
    scan.skipped().forEach(s -> skipped.add(s.lot()));
    Map<String, Long> lossByGroup = new TreeMap<>();
    for (TaxLot l : h.lots()) {
      long basis = l.costBasis().amount().longValue();
      long value = l.quantity().value().longValue() * 100;
      boolean candidate =
          l.account().equals(TAXABLE) && basis - value >= 500 && (basis - value) * 20 >= basis;
      assertThat(harvestedLots.contains(l.id()) || skipped.contains(l.id()))
          .as("lot %s accounted for", l.id())
          .isEqualTo(candidate);
      assertThat(harvestedLots.contains(l.id()) && skipped.contains(l.id())).isFalse();
      if (candidate) {
        lossByGroup.merge(group(l.security()), basis - value, Long::sum);
      }
    }
    // a class with lots to harvest always harvests its largest group's loss: there are three
    // groups, so that group always has another to buy
    if (!lossByGroup.isEmpty()) {
      String largest =
          lossByGroup.entrySet().stream()
              .max(
                  Map.Entry.<String, Long>comparingByValue()
                      .thenComparing(e -> e.getKey(), java.util.Comparator.reverseOrder()))
              .orElseThrow()
              .getKey();
      assertThat(sold).as("groups at a loss %s", lossByGroup).contains(largest);
    }
  }
}
