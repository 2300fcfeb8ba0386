package dev.rebal.json.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.Model;
import dev.rebal.core.allocation.ModelId;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.goal.Firmness;
import dev.rebal.core.goal.GlidePath;
import dev.rebal.core.goal.Goal;
import dev.rebal.core.goal.GoalId;
import dev.rebal.core.goal.GoalKind;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.goal.LiquidityEventId;
import dev.rebal.core.goal.LiquidityKind;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.FilingStatus;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.HouseholdId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.Member;
import dev.rebal.core.household.MemberId;
import dev.rebal.core.household.MemberRole;
import dev.rebal.core.household.RebalanceFrequency;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.household.TaxTreatment;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.household.TransactionCoverage;
import dev.rebal.core.household.TransactionId;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.Price;
import dev.rebal.core.market.PriceTable;
import dev.rebal.core.market.TradingVolume;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.money.Weight;
import dev.rebal.core.restriction.AccountFreeze;
import dev.rebal.core.restriction.AssetLocationPreference;
import dev.rebal.core.restriction.BlackoutWindow;
import dev.rebal.core.restriction.ConcentrationCap;
import dev.rebal.core.restriction.DateWindow;
import dev.rebal.core.restriction.DoNotSell;
import dev.rebal.core.restriction.LotPreference;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.restriction.RestrictionId;
import dev.rebal.core.restriction.ScopeType;
import dev.rebal.core.restriction.SecurityExclusion;
import dev.rebal.core.restriction.SecurityScope;
import dev.rebal.core.restriction.VolumeLimit;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import dev.rebal.core.security.TaxCharacter;
import dev.rebal.core.trade.Side;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The field-by-field mapping of market data and households to and from JSON. Writing uses a fixed
 * field order; reading rejects unknown fields and names the path of any bad value.
 */
public final class BookCodec {
  private BookCodec() {}

  // ================= writing =================

  /** Writes {@code marketData} as one JSON object. */
  public static void writeMarketData(JsonGenerator g, MarketData marketData) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("securities");
    for (Security s : marketData.securities().values()) {
      g.writeStartObject();
      g.writeStringField("id", s.id().value());
      g.writeStringField("symbol", s.symbol());
      g.writeStringField("assetClass", s.assetClass().value());
      g.writeStringField("kind", s.kind().name());
      g.writeStringField("taxCharacter", s.taxCharacter().name());
      g.writeStringField("issuer", s.issuer());
      g.writeStringField("washSaleGroup", s.washSaleGroup());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("prices");
    for (Price p : marketData.prices().prices().values()) {
      g.writeStartObject();
      g.writeStringField("security", p.security().value());
      g.writeFieldName("price");
      writeUnitPrice(g, p.perUnit());
      g.writeStringField("asOf", p.asOf().toString());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("volumes");
    for (TradingVolume v : marketData.volumes().values()) {
      g.writeStartObject();
      g.writeStringField("issuer", v.issuer());
      g.writeStringField("asOf", v.asOf().toString());
      writeQuantity(g, "sharesOutstanding", v.sharesOutstanding());
      g.writeArrayFieldStart("weeklyVolumes");
      for (Quantity q : v.weeklyVolumes()) {
        g.writeNumber(strip(q.value()));
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** Writes {@code household} as one JSON object. */
  public static void writeHousehold(JsonGenerator g, Household h) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", h.id().value());
    g.writeArrayFieldStart("members");
    for (Member m : h.members()) {
      g.writeStartObject();
      g.writeStringField("id", m.id().value());
      g.writeStringField("name", m.name());
      g.writeStringField("role", m.role().name());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("accounts");
    for (Account a : h.accounts()) {
      g.writeStartObject();
      g.writeStringField("id", a.id().value());
      g.writeArrayFieldStart("owners");
      for (MemberId o : a.owners()) {
        g.writeString(o.value());
      }
      g.writeEndArray();
      g.writeStringField("type", a.type().name());
      g.writeStringField("custodian", a.custodian());
      writeMoney(g, "cash", a.cash());
      writeMoney(g, "cashFloor", a.cashFloor());
      g.writeBooleanField("heldAway", a.heldAway());
      g.writeBooleanField("tradable", a.tradable());
      g.writeBooleanField("fractionalShares", a.fractionalShares());
      g.writeStringField("transactionCoverage", a.transactionCoverage().name());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("lots");
    for (TaxLot l : h.lots()) {
      g.writeStartObject();
      g.writeStringField("id", l.id().value());
      g.writeStringField("account", l.account().value());
      g.writeStringField("security", l.security().value());
      writeQuantity(g, "quantity", l.quantity());
      writeMoney(g, "costBasis", l.costBasis());
      g.writeStringField("acquired", l.acquired().toString());
      g.writeStringField("holdingPeriodStart", l.holdingPeriodStart().toString());
      writeMoney(g, "washSaleAdjustment", l.washSaleAdjustment());
      g.writeBooleanField("basisKnown", l.basisKnown());
      if (!l.usedAsReplacement().isZero()) {
        writeQuantity(g, "usedAsReplacement", l.usedAsReplacement());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("transactions");
    for (Transaction t : h.transactions()) {
      g.writeStartObject();
      g.writeStringField("id", t.id().value());
      g.writeStringField("account", t.account().value());
      g.writeStringField("security", t.security().value());
      g.writeStringField("side", t.side().name());
      g.writeStringField("tradeDate", t.tradeDate().toString());
      writeQuantity(g, "quantity", t.quantity());
      writeMoney(g, "amount", t.amount());
      if (t.realizedGain().isPresent()) {
        writeMoney(g, "realizedGain", t.realizedGain().get());
      }
      if (t.lot().isPresent()) {
        g.writeStringField("lot", t.lot().get().value());
      }
      // the wash-sale history: written only when set, so books without it read and write as before
      if (t.sequence() != 0L) {
        g.writeNumberField("sequence", t.sequence());
      }
      if (!t.usedAsReplacement().isZero()) {
        writeQuantity(g, "usedAsReplacement", t.usedAsReplacement());
      }
      if (!t.washedQuantity().isZero()) {
        writeQuantity(g, "washedQuantity", t.washedQuantity());
      }
      if (t.holdingPeriodStart().isPresent()) {
        g.writeStringField("holdingPeriodStart", t.holdingPeriodStart().get().toString());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("goals");
    for (Goal goal : h.goals()) {
      writeGoal(g, goal);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("restrictions");
    for (Restriction r : h.restrictions()) {
      writeRestriction(g, r);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("liquidityEvents");
    for (LiquidityEvent e : h.liquidityEvents()) {
      g.writeStartObject();
      g.writeStringField("id", e.id().value());
      g.writeStringField("kind", e.kind().name());
      writeMoney(g, "amount", e.amount());
      g.writeStringField("date", e.date().toString());
      if (e.account().isPresent()) {
        g.writeStringField("account", e.account().get().value());
      }
      g.writeStringField("firmness", e.firmness().name());
      g.writeStringField("description", e.description());
      g.writeEndObject();
    }
    g.writeEndArray();
    writeTaxProfile(g, h.taxProfile());
    g.writeFieldName("target");
    writeTarget(g, h.target());
    g.writeObjectFieldStart("model");
    g.writeStringField("id", h.model().id().value());
    g.writeObjectFieldStart("securities");
    for (Map.Entry<AssetClass, ImmutableList<SecurityId>> e : h.model().securities().entrySet()) {
      g.writeArrayFieldStart(e.getKey().value());
      for (SecurityId s : e.getValue()) {
        g.writeString(s.value());
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeStringField("rebalanceFrequency", h.rebalanceFrequency().name());
    if (h.lastRebalanced().isPresent()) {
      g.writeStringField("lastRebalanced", h.lastRebalanced().get().toString());
    }
    g.writeEndObject();
  }

  private static void writeGoal(JsonGenerator g, Goal goal) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", goal.id().value());
    g.writeStringField("name", goal.name());
    g.writeStringField("kind", goal.kind().name());
    writeMoney(g, "targetAmount", goal.targetAmount());
    g.writeStringField("targetDate", goal.targetDate().toString());
    g.writeNumberField("priority", goal.priority());
    g.writeArrayFieldStart("fundingAccounts");
    for (AccountId a : goal.fundingAccounts()) {
      g.writeString(a.value());
    }
    g.writeEndArray();
    if (goal.fundingShare().isPresent()) {
      writeWeight(g, "fundingShare", goal.fundingShare().get());
    }
    g.writeArrayFieldStart("glidePath");
    for (Map.Entry<Integer, TargetAllocation> e : goal.glidePath().steps().entrySet()) {
      g.writeStartObject();
      g.writeNumberField("yearsToGoal", e.getKey());
      g.writeFieldName("target");
      writeTarget(g, e.getValue());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeTaxProfile(JsonGenerator g, TaxProfile t) throws IOException {
    g.writeObjectFieldStart("taxProfile");
    g.writeStringField("filingStatus", t.filingStatus().name());
    writeWeight(g, "shortTermRate", t.shortTermRate());
    writeWeight(g, "longTermRate", t.longTermRate());
    writeWeight(g, "stateRate", t.stateRate());
    writeWeight(g, "niitRate", t.niitRate());
    writeMoney(g, "shortTermCarryforward", t.shortTermCarryforward());
    writeMoney(g, "longTermCarryforward", t.longTermCarryforward());
    writeMoney(g, "realizedShortTermYtd", t.realizedShortTermYtd());
    writeMoney(g, "realizedLongTermYtd", t.realizedLongTermYtd());
    if (t.annualGainBudget().isPresent()) {
      writeMoney(g, "annualGainBudget", t.annualGainBudget().get());
    }
    if (t.shortTermGainCap().isPresent()) {
      writeMoney(g, "shortTermGainCap", t.shortTermGainCap().get());
    }
    if (t.samePurchaseWashes()) {
      g.writeBooleanField("samePurchaseWashes", true);
    }
    g.writeEndObject();
  }

  private static void writeTarget(JsonGenerator g, TargetAllocation t) throws IOException {
    g.writeStartObject();
    for (Map.Entry<AssetClass, ClassTarget> e : t.classes().entrySet()) {
      g.writeObjectFieldStart(e.getKey().value());
      writeWeight(g, "weight", e.getValue().weight());
      writeWeight(g, "absoluteBand", e.getValue().absoluteBand());
      writeWeight(g, "relativeBand", e.getValue().relativeBand());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void writeRestriction(JsonGenerator g, Restriction r) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", r.kind());
    g.writeStringField("id", r.id().value());
    if (r instanceof SecurityExclusion x) {
      writeScope(g, x.scope());
    } else if (r instanceof DoNotSell x) {
      writeScope(g, x.scope());
      g.writeArrayFieldStart("accounts");
      for (AccountId a : x.accounts()) {
        g.writeString(a.value());
      }
      g.writeEndArray();
    } else if (r instanceof BlackoutWindow x) {
      g.writeStringField("issuer", x.issuer());
    } else if (r instanceof VolumeLimit x) {
      g.writeStringField("issuer", x.issuer());
    } else if (r instanceof ConcentrationCap x) {
      writeScope(g, x.scope());
      writeWeight(g, "maxWeight", x.maxWeight());
    } else if (r instanceof AccountFreeze x) {
      g.writeStringField("account", x.account().value());
    } else if (r instanceof LotPreference x) {
      writeScope(g, x.scope());
      g.writeStringField("protectAcquiredBefore", x.protectAcquiredBefore().toString());
    } else if (r instanceof AssetLocationPreference x) {
      writeScope(g, x.scope());
      g.writeArrayFieldStart("avoidIn");
      for (TaxTreatment t : x.avoidIn()) {
        g.writeString(t.name());
      }
      g.writeEndArray();
      g.writeNumberField("penaltyBps", x.penaltyBps());
    }
    g.writeObjectFieldStart("window");
    if (r.window().fromInclusive().isPresent()) {
      g.writeStringField("from", r.window().fromInclusive().get().toString());
    }
    if (r.window().untilInclusive().isPresent()) {
      g.writeStringField("until", r.window().untilInclusive().get().toString());
    }
    g.writeEndObject();
    g.writeStringField("source", r.source());
    g.writeEndObject();
  }

  private static void writeScope(JsonGenerator g, SecurityScope s) throws IOException {
    g.writeObjectFieldStart("scope");
    g.writeStringField("type", s.type().name());
    g.writeStringField("value", s.value());
    g.writeEndObject();
  }

  private static void writeMoney(JsonGenerator g, String field, Money m) throws IOException {
    g.writeFieldName(field);
    if (m.isUsd()) {
      g.writeNumber(m.amount());
    } else {
      g.writeStartObject();
      g.writeStringField("currency", m.currency().getCurrencyCode());
      g.writeNumberField("amount", m.amount());
      g.writeEndObject();
    }
  }

  private static void writeUnitPrice(JsonGenerator g, UnitPrice p) throws IOException {
    if (p.currency().equals(Money.USD)) {
      g.writeNumber(strip(p.amount()));
    } else {
      g.writeStartObject();
      g.writeStringField("currency", p.currency().getCurrencyCode());
      g.writeNumberField("amount", strip(p.amount()));
      g.writeEndObject();
    }
  }

  private static void writeQuantity(JsonGenerator g, String field, Quantity q) throws IOException {
    g.writeNumberField(field, strip(q.value()));
  }

  private static void writeWeight(JsonGenerator g, String field, Weight w) throws IOException {
    g.writeNumberField(field, strip(w.value()));
  }

  /** Drops trailing zeros, keeping at least scale 0 (so 100 is not written as 1E+2). */
  private static BigDecimal strip(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  // ================= reading =================

  /** Reads market data from {@code node} at {@code path}. */
  public static MarketData readMarketData(JsonNode node, String path) {
    Obj o = Obj.of(node, path);
    MarketData.Builder b = MarketData.builder();
    java.util.Set<SecurityId> seen = new java.util.HashSet<>();
    for (Obj s : o.objects("securities")) {
      Security sec =
          s.build(
              () -> {
                Security.Builder sb =
                    Security.builder()
                        .id(SecurityId.of(s.text("id")))
                        .symbol(s.text("symbol"))
                        .assetClass(AssetClass.of(s.text("assetClass")))
                        .kind(s.enumValue("kind", SecurityKind.class));
                if (s.has("taxCharacter")) {
                  sb.taxCharacter(s.enumValue("taxCharacter", TaxCharacter.class));
                }
                s.optionalText("issuer").ifPresent(sb::issuer);
                s.optionalText("washSaleGroup").ifPresent(sb::washSaleGroup);
                return sb.build();
              });
      s.end();
      if (!seen.add(sec.id())) {
        throw new MappingException(s.path(), "duplicate security id " + sec.id());
      }
      b.putSecurities(sec.id(), sec);
    }
    List<Price> prices = new ArrayList<>();
    for (Obj p : o.objects("prices")) {
      prices.add(
          p.build(
              () ->
                  Price.of(
                      SecurityId.of(p.text("security")), p.unitPrice("price"), p.date("asOf"))));
      p.end();
    }
    b.prices(o.build(() -> PriceTable.of(prices)));
    for (Obj v : o.objects("volumes")) {
      TradingVolume tv =
          v.build(
              () -> {
                TradingVolume.Builder vb =
                    TradingVolume.builder()
                        .issuer(v.text("issuer"))
                        .asOf(v.date("asOf"))
                        .sharesOutstanding(v.quantity("sharesOutstanding"));
                int i = 0;
                for (JsonNode q : v.array("weeklyVolumes")) {
                  vb.addWeeklyVolumes(Obj.quantity(q, v.at("weeklyVolumes") + "[" + i++ + "]"));
                }
                return vb.build();
              });
      v.end();
      b.putVolumes(tv.issuer(), tv);
    }
    o.end();
    return o.build(b::build);
  }

  /** Reads a household from {@code node} at {@code path}. */
  public static Household readHousehold(JsonNode node, String path) {
    Obj o = Obj.of(node, path);
    Household.Builder h = Household.builder();
    // every part is read even after one fails, so that a failure lists every bad element
    List<MappingException> problems = new ArrayList<>();
    collect(problems, () -> h.id(o.build(() -> HouseholdId.of(o.text("id")))));
    for (Obj m : objects(o, "members", problems)) {
      collect(
          problems,
          () -> {
            h.addMembers(
                m.build(
                    () ->
                        Member.builder()
                            .id(MemberId.of(m.text("id")))
                            .name(m.text("name"))
                            .role(m.enumValue("role", MemberRole.class))
                            .build()));
            m.end();
          });
    }
    for (Obj a : objects(o, "accounts", problems)) {
      collect(
          problems,
          () -> {
            h.addAccounts(
                a.build(
                    () -> {
                      Account.Builder ab = Account.builder().id(AccountId.of(a.text("id")));
                      for (String owner : a.texts("owners")) {
                        ab.addOwners(MemberId.of(owner));
                      }
                      return ab.type(a.enumValue("type", AccountType.class))
                          .custodian(a.text("custodian"))
                          .cash(a.money("cash"))
                          .cashFloor(a.money("cashFloor"))
                          .heldAway(a.bool("heldAway"))
                          .tradable(a.bool("tradable"))
                          .fractionalShares(a.bool("fractionalShares"))
                          .transactionCoverage(
                              a.enumValue("transactionCoverage", TransactionCoverage.class))
                          .build();
                    }));
            a.end();
          });
    }
    for (Obj l : objects(o, "lots", problems)) {
      collect(
          problems,
          () -> {
            h.addLots(
                l.build(
                    () ->
                        TaxLot.builder()
                            .id(LotId.of(l.text("id")))
                            .account(AccountId.of(l.text("account")))
                            .security(SecurityId.of(l.text("security")))
                            .quantity(l.quantity("quantity"))
                            .costBasis(l.money("costBasis"))
                            .acquired(l.date("acquired"))
                            .holdingPeriodStart(l.date("holdingPeriodStart"))
                            .washSaleAdjustment(l.money("washSaleAdjustment"))
                            .basisKnown(l.bool("basisKnown"))
                            .usedAsReplacement(
                                l.optionalQuantity("usedAsReplacement").orElse(Quantity.ZERO))
                            .build()));
            l.end();
          });
    }
    for (Obj t : objects(o, "transactions", problems)) {
      collect(
          problems,
          () -> {
            h.addTransactions(
                t.build(
                    () -> {
                      Transaction.Builder tb =
                          Transaction.builder()
                              .id(TransactionId.of(t.text("id")))
                              .account(AccountId.of(t.text("account")))
                              .security(SecurityId.of(t.text("security")))
                              .side(t.enumValue("side", Side.class))
                              .tradeDate(t.date("tradeDate"))
                              .quantity(t.quantity("quantity"))
                              .amount(t.money("amount"));
                      t.optionalMoney("realizedGain").ifPresent(tb::realizedGain);
                      t.optionalText("lot").ifPresent(id -> tb.lot(LotId.of(id)));
                      t.optionalLong("sequence").ifPresent(tb::sequence);
                      t.optionalQuantity("usedAsReplacement").ifPresent(tb::usedAsReplacement);
                      t.optionalQuantity("washedQuantity").ifPresent(tb::washedQuantity);
                      t.optionalDate("holdingPeriodStart").ifPresent(tb::holdingPeriodStart);
                      return tb.build();
                    }));
            t.end();
          });
    }
    for (Obj g : objects(o, "goals", problems)) {
      collect(problems, () -> h.addGoals(readGoal(g)));
    }
    for (Obj r : objects(o, "restrictions", problems)) {
      collect(problems, () -> h.addRestrictions(readRestriction(r)));
    }
    for (Obj e : objects(o, "liquidityEvents", problems)) {
      collect(
          problems,
          () -> {
            h.addLiquidityEvents(
                e.build(
                    () -> {
                      LiquidityEvent.Builder eb =
                          LiquidityEvent.builder()
                              .id(LiquidityEventId.of(e.text("id")))
                              .kind(e.enumValue("kind", LiquidityKind.class))
                              .amount(e.money("amount"))
                              .date(e.date("date"))
                              .firmness(e.enumValue("firmness", Firmness.class))
                              .description(e.text("description"));
                      e.optionalText("account").ifPresent(id -> eb.account(AccountId.of(id)));
                      return eb.build();
                    }));
            e.end();
          });
    }
    collect(problems, () -> h.taxProfile(readTaxProfile(o.object("taxProfile"))));
    collect(problems, () -> h.target(readTarget(o.object("target"))));
    collect(
        problems,
        () -> {
          Obj model = o.object("model");
          Model.Builder mb = Model.builder().id(model.build(() -> ModelId.of(model.text("id"))));
          Obj securities = model.object("securities");
          for (String c : securities.fieldNames()) {
            List<SecurityId> ids = new ArrayList<>();
            for (String s : securities.texts(c)) {
              ids.add(securities.build(() -> SecurityId.of(s)));
            }
            mb.putSecurities(securities.build(() -> AssetClass.of(c)), ImmutableList.copyOf(ids));
          }
          securities.end();
          model.end();
          h.model(model.build(mb::build));
        });
    collect(
        problems,
        () -> h.rebalanceFrequency(o.enumValue("rebalanceFrequency", RebalanceFrequency.class)));
    collect(problems, () -> o.optionalDate("lastRebalanced").ifPresent(h::lastRebalanced));
    collect(problems, o::end);
    if (!problems.isEmpty()) {
      throw MappingException.all(problems);
    }
    return o.build(h::build);
  }

  /** Runs {@code read}, recording a mapping failure instead of throwing it. */
  private static void collect(List<MappingException> problems, Runnable read) {
    try {
      read.run();
    } catch (MappingException e) {
      problems.add(e);
    }
  }

  /** Returns the objects of array {@code field}, or none (the failure recorded). */
  private static List<Obj> objects(Obj o, String field, List<MappingException> problems) {
    try {
      return o.objects(field);
    } catch (MappingException e) {
      problems.add(e);
      return List.of();
    }
  }

  private static Goal readGoal(Obj g) {
    Goal.Builder gb =
        g.build(
            () ->
                Goal.builder()
                    .id(GoalId.of(g.text("id")))
                    .name(g.text("name"))
                    .kind(g.enumValue("kind", GoalKind.class))
                    .targetAmount(g.money("targetAmount"))
                    .targetDate(g.date("targetDate"))
                    .priority(g.integer("priority")));
    for (String a : g.texts("fundingAccounts")) {
      gb.addFundingAccounts(g.build(() -> AccountId.of(a)));
    }
    g.optionalWeight("fundingShare").ifPresent(gb::fundingShare);
    GlidePath.Builder path = GlidePath.builder();
    for (Obj step : g.objects("glidePath")) {
      int years = step.integer("yearsToGoal");
      path.putSteps(years, readTarget(step.object("target")));
      step.end();
    }
    gb.glidePath(g.build(path::build));
    g.end();
    return g.build(gb::build);
  }

  private static TaxProfile readTaxProfile(Obj t) {
    TaxProfile.Builder b =
        TaxProfile.builder()
            .filingStatus(t.enumValue("filingStatus", FilingStatus.class))
            .shortTermRate(t.weight("shortTermRate"))
            .longTermRate(t.weight("longTermRate"))
            .stateRate(t.weight("stateRate"))
            .niitRate(t.weight("niitRate"))
            .shortTermCarryforward(t.money("shortTermCarryforward"))
            .longTermCarryforward(t.money("longTermCarryforward"))
            .realizedShortTermYtd(t.money("realizedShortTermYtd"))
            .realizedLongTermYtd(t.money("realizedLongTermYtd"));
    t.optionalMoney("annualGainBudget").ifPresent(b::annualGainBudget);
    t.optionalMoney("shortTermGainCap").ifPresent(b::shortTermGainCap);
    t.optionalBool("samePurchaseWashes").ifPresent(b::samePurchaseWashes);
    t.end();
    return t.build(b::build);
  }

  private static TargetAllocation readTarget(Obj t) {
    TargetAllocation.Builder b = TargetAllocation.builder();
    for (String c : t.fieldNames()) {
      Obj ct = t.object(c);
      ClassTarget target =
          ct.build(
              () ->
                  new ClassTarget(
                      ct.weight("weight"), ct.weight("absoluteBand"), ct.weight("relativeBand")));
      ct.end();
      b.putClasses(t.build(() -> AssetClass.of(c)), target);
    }
    t.end();
    return t.build(b::build);
  }

  private static Restriction readRestriction(Obj r) {
    String kind = r.text("kind");
    RestrictionId id = r.build(() -> RestrictionId.of(r.text("id")));
    Obj w = r.object("window");
    DateWindow window = DateWindow.of(w.optionalDate("from"), w.optionalDate("until"));
    w.end();
    String source = r.text("source");
    Restriction out;
    switch (kind) {
      case "security-exclusion":
        out = r.build(() -> new SecurityExclusion(id, scope(r), window, source));
        break;
      case "do-not-sell":
        {
          List<AccountId> accounts = new ArrayList<>();
          for (String a : r.texts("accounts")) {
            accounts.add(r.build(() -> AccountId.of(a)));
          }
          out =
              r.build(
                  () ->
                      new DoNotSell(
                          id, scope(r), ImmutableSortedSet.copyOf(accounts), window, source));
          break;
        }
      case "insider-blackout":
        out = r.build(() -> new BlackoutWindow(id, r.text("issuer"), window, source));
        break;
      case "control-person-volume":
        out = r.build(() -> new VolumeLimit(id, r.text("issuer"), window, source));
        break;
      case "concentration-cap":
        out =
            r.build(
                () -> new ConcentrationCap(id, scope(r), r.weight("maxWeight"), window, source));
        break;
      case "account-freeze":
        out = r.build(() -> new AccountFreeze(id, AccountId.of(r.text("account")), window, source));
        break;
      case "lot-preference":
        out =
            r.build(
                () ->
                    new LotPreference(
                        id, scope(r), r.date("protectAcquiredBefore"), window, source));
        break;
      case "asset-location":
        {
          List<TaxTreatment> avoid = new ArrayList<>();
          int i = 0;
          for (JsonNode n : r.array("avoidIn")) {
            avoid.add(Obj.enumValue(n, r.at("avoidIn") + "[" + i++ + "]", TaxTreatment.class));
          }
          out =
              r.build(
                  () ->
                      new AssetLocationPreference(
                          id,
                          scope(r),
                          ImmutableSortedSet.copyOf(avoid),
                          r.decimal("penaltyBps"),
                          window,
                          source));
          break;
        }
      default:
        throw new MappingException(
            r.at("kind"),
            "must be one of [security-exclusion, "
                + "do-not-sell, insider-blackout, control-person-volume, concentration-cap, "
                + "account-freeze, lot-preference, asset-location], was '"
                + kind
                + "'");
    }
    r.end();
    return out;
  }

  private static SecurityScope scope(Obj r) {
    Obj s = r.object("scope");
    SecurityScope scope =
        s.build(() -> new SecurityScope(s.enumValue("type", ScopeType.class), s.text("value")));
    s.end();
    return scope;
  }

  /** Returns the household id written in {@code node}, if it is an object with a string id. */
  public static Optional<String> idOf(JsonNode node) {
    JsonNode id = node == null ? null : node.get("id");
    return id != null && id.isTextual() ? Optional.of(id.textValue()) : Optional.empty();
  }

  /** Returns the as-of date written at {@code path}. */
  public static LocalDate date(JsonNode node, String path) {
    return Obj.date(node, path);
  }
}
