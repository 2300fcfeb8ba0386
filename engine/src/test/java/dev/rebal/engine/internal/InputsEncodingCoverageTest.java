package dev.rebal.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.restriction.AccountFreeze;
import dev.rebal.core.restriction.AssetLocationPreference;
import dev.rebal.core.restriction.BlackoutWindow;
import dev.rebal.core.restriction.ConcentrationCap;
import dev.rebal.core.restriction.DoNotSell;
import dev.rebal.core.restriction.LotPreference;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.restriction.SecurityExclusion;
import dev.rebal.core.restriction.VolumeLimit;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every attribute of every type the inputs encoding writes is one that version 1 of the encoding
 * lists ({@code docs/audit-hash.md}). An attribute added to the model fails here: add it to {@link
 * InputsText}, written only when it is not at its default (so the hash of a household that does not
 * use it is unchanged), to this list and to the spec.
 */
class InputsEncodingCoverageTest {
  /** The attributes of version 1, by type; {@code Member.name} is deliberately not written. */
  private static final Map<String, List<String>> VERSION_1 =
      Map.ofEntries(
          Map.entry(
              "Household",
              List.of(
                  "id",
                  "members",
                  "accounts",
                  "lots",
                  "transactions",
                  "goals",
                  "restrictions",
                  "liquidityEvents",
                  "taxProfile",
                  "target",
                  "model",
                  "rebalanceFrequency",
                  "lastRebalanced")),
          Map.entry("Member", List.of("id", "name", "role")),
          Map.entry(
              "Account",
              List.of(
                  "id",
                  "owners",
                  "type",
                  "custodian",
                  "cash",
                  "cashFloor",
                  "heldAway",
                  "tradable",
                  "fractionalShares",
                  "transactionCoverage")),
          Map.entry(
              "TaxLot",
              List.of(
                  "id",
                  "account",
                  "security",
                  "quantity",
                  "costBasis",
                  "acquired",
                  "holdingPeriodStart",
                  "washSaleAdjustment",
                  "usedAsReplacement",
                  "basisKnown")),
          Map.entry(
              "Transaction",
              List.of(
                  "id",
                  "account",
                  "security",
                  "side",
                  "tradeDate",
                  "quantity",
                  "amount",
                  "realizedGain",
                  "lot",
                  "sequence",
                  "usedAsReplacement",
                  "washedQuantity",
                  "holdingPeriodStart")),
          Map.entry(
              "Goal",
              List.of(
                  "id",
                  "name",
                  "kind",
                  "targetAmount",
                  "targetDate",
                  "priority",
                  "fundingAccounts",
                  "fundingShare",
                  "glidePath")),
          Map.entry("GlidePath", List.of("steps")),
          Map.entry("TargetAllocation", List.of("classes")),
          Map.entry("ClassTarget", List.of("weight", "absoluteBand", "relativeBand")),
          Map.entry(
              "LiquidityEvent",
              List.of("id", "kind", "amount", "date", "account", "firmness", "description")),
          Map.entry(
              "TaxProfile",
              List.of(
                  "filingStatus",
                  "shortTermRate",
                  "longTermRate",
                  "stateRate",
                  "niitRate",
                  "shortTermCarryforward",
                  "longTermCarryforward",
                  "realizedShortTermYtd",
                  "realizedLongTermYtd",
                  "annualGainBudget",
                  "shortTermGainCap",
                  "samePurchaseWashes")),
          Map.entry("Model", List.of("id", "securities")),
          Map.entry(
              "Security",
              List.of(
                  "id", "symbol", "assetClass", "kind", "taxCharacter", "issuer", "washSaleGroup")),
          Map.entry("Price", List.of("security", "perUnit", "asOf")),
          Map.entry("SecurityExclusion", List.of("id", "scope", "window", "source")),
          Map.entry("DoNotSell", List.of("id", "scope", "accounts", "window", "source")),
          Map.entry("BlackoutWindow", List.of("id", "issuer", "window", "source")),
          Map.entry("VolumeLimit", List.of("id", "issuer", "window", "source")),
          Map.entry("ConcentrationCap", List.of("id", "scope", "maxWeight", "window", "source")),
          Map.entry("AccountFreeze", List.of("id", "account", "window", "source")),
          Map.entry(
              "LotPreference", List.of("id", "scope", "protectAcquiredBefore", "window", "source")),
          Map.entry(
              "AssetLocationPreference",
              List.of("id", "scope", "avoidIn", "penaltyBps", "window", "source")),
          Map.entry("SecurityScope", List.of("type", "value")));

  @Test
  void everyAttributeOfTheEncodedTypes_isListedInVersion1() {
    // given: the generated classes of the golden household's values and the records
    Household h = InputsHashProperties.golden();
    MarketData m = InputsHashProperties.goldenMarket();
    Map<String, List<String>> actual = new TreeMap<>();
    put(actual, "Household", h.getClass());
    put(actual, "Member", h.members().get(0).getClass());
    put(actual, "Account", h.accounts().get(0).getClass());
    put(actual, "TaxLot", h.lots().get(0).getClass());
    put(actual, "Transaction", h.transactions().get(0).getClass());
    put(actual, "Goal", h.goals().get(0).getClass());
    put(actual, "GlidePath", h.goals().get(0).glidePath().getClass());
    put(actual, "TargetAllocation", h.target().getClass());
    put(actual, "LiquidityEvent", h.liquidityEvents().get(0).getClass());
    put(actual, "TaxProfile", h.taxProfile().getClass());
    put(actual, "Model", h.model().getClass());
    put(actual, "Security", m.securities().values().iterator().next().getClass());
    put(actual, "Price", m.prices().find(h.lots().get(0).security()).orElseThrow().getClass());
    for (Class<?> r :
        List.of(
            ClassTarget.class,
            SecurityExclusion.class,
            DoNotSell.class,
            BlackoutWindow.class,
            VolumeLimit.class,
            ConcentrationCap.class,
            AccountFreeze.class,
            LotPreference.class,
            AssetLocationPreference.class,
            dev.rebal.core.restriction.SecurityScope.class)) {
      actual.put(
          r.getSimpleName(),
          Arrays.stream(r.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    // then
    assertThat(Restriction.class.getPermittedSubclasses()).hasSize(8);
    assertThat(actual).isEqualTo(new TreeMap<>(VERSION_1));
  }

  /** The attributes of a generated immutable class: its final instance fields, in order. */
  private static void put(Map<String, List<String>> out, String type, Class<?> generated) {
    out.put(
        type,
        Arrays.stream(generated.getDeclaredFields())
            .filter(
                f ->
                    !Modifier.isStatic(f.getModifiers())
                        && Modifier.isFinal(f.getModifiers())
                        && !Modifier.isTransient(f.getModifiers()))
            .map(Field::getName)
            .toList());
  }
}
