package dev.rebal.engine.internal;

import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.Model;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.goal.Goal;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.Member;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.internal.PlainText;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.Price;
import dev.rebal.core.market.TradingVolume;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.Weight;
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
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the canonical text of a decision's inputs, version 1 of the inputs encoding specified in
 * {@code docs/audit-hash.md}: every value is written from its attributes, in a fixed order, never
 * by its {@code toString()}, so the text (and the audit hash over it) changes only when this class
 * does.
 *
 * <p>An object is its type's simple name and its attributes, {@code name=value} separated by {@code
 * ", "}, in braces ({@code Type{a=1, b=2}}) or, for the restriction and class-target records, in
 * brackets; lists and sets are {@code [a, b]}, maps {@code {k=v, k=v}}, in their own order. Texts
 * (ids, names, sources) are written with {@code \ , = { } [ ]} escaped by a backslash and control
 * characters as a backslash, {@code u} and four hex digits; amounts as {@code CUR plain-decimal},
 * quantities as plain decimals, weights as plain decimals without trailing zeros, dates as ISO
 * {@code yyyy-MM-dd}. An absent optional attribute is not written, and an attribute added to the
 * model after version 1 is written only when it is not at its default, so the text of a household
 * that does not use it is unchanged.
 *
 * <p>With a digest, the text is handed to it in chunks as it is written (a household's lots are
 * most of it), so that a large household is never held as one string. Not thread-safe: one instance
 * writes one text.
 */
final class InputsText {
  /** The characters written before they go to the digest. */
  private static final int CHUNK = 8192;

  private final StringBuilder sb;
  private final MessageDigest digest;

  private InputsText(StringBuilder sb, MessageDigest digest) {
    this.sb = sb;
    this.digest = digest;
  }

  /** Returns the canonical text of {@code h}. */
  static String of(Household h) {
    InputsText t = new InputsText(new StringBuilder(1024 + 320 * h.lots().size()), null);
    t.household(h);
    return t.sb.toString();
  }

  /** Updates {@code digest} with the UTF-8 bytes of {@link #of}{@code (h)}, chunk by chunk. */
  static void update(MessageDigest digest, Household h) {
    InputsText t = new InputsText(new StringBuilder(2 * CHUNK), digest);
    t.household(h);
    t.flush();
  }

  /**
   * Returns the text of the reference data read: a newline, then for each of {@code read} (in its
   * order) its security and its price, where the market data has them, each followed by a newline,
   * then the trading volume of each issuer of those securities that has one, in issuer order, each
   * followed by a newline.
   */
  static String reference(Set<SecurityId> read, MarketData m) {
    InputsText t = new InputsText(new StringBuilder(1 + 200 * read.size()), null);
    t.sb.append('\n');
    Set<String> issuers = new TreeSet<>();
    for (SecurityId id : read) {
      Optional<Security> security = m.findSecurity(id);
      if (security.isPresent()) {
        t.security(security.get());
        t.sb.append('\n');
        issuers.add(security.get().issuer());
      }
      Optional<Price> price = m.prices().find(id);
      if (price.isPresent()) {
        t.price(price.get());
        t.sb.append('\n');
      }
    }
    for (String issuer : issuers) {
      TradingVolume v = m.volumes().get(issuer);
      if (v != null) {
        t.volume(v);
        t.sb.append('\n');
      }
    }
    return t.sb.toString();
  }

  private void household(Household h) {
    sb.append("Household{id=");
    text(h.id().value());
    sb.append(", members=[");
    List<Member> members = h.members();
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      // a member's name is personal data: it is not part of the inputs' text
      sb.append(i > 0 ? ", Member{id=" : "Member{id=");
      text(m.id().value());
      sb.append(", role=").append(m.role().name()).append('}');
    }
    sb.append("], accounts=[");
    List<Account> accounts = h.accounts();
    for (int i = 0; i < accounts.size(); i++) {
      separator(i);
      account(accounts.get(i));
    }
    sb.append("], lots=[");
    List<TaxLot> lots = h.lots();
    for (int i = 0; i < lots.size(); i++) {
      separator(i);
      lot(lots.get(i));
      flushIfFull();
    }
    sb.append("], transactions=[");
    List<Transaction> transactions = h.transactions();
    for (int i = 0; i < transactions.size(); i++) {
      separator(i);
      transaction(transactions.get(i));
      flushIfFull();
    }
    sb.append("], goals=[");
    List<Goal> goals = h.goals();
    for (int i = 0; i < goals.size(); i++) {
      separator(i);
      goal(goals.get(i));
    }
    sb.append("], restrictions=[");
    List<Restriction> restrictions = h.restrictions();
    for (int i = 0; i < restrictions.size(); i++) {
      separator(i);
      restriction(restrictions.get(i));
    }
    sb.append("], liquidityEvents=[");
    List<LiquidityEvent> events = h.liquidityEvents();
    for (int i = 0; i < events.size(); i++) {
      separator(i);
      liquidityEvent(events.get(i));
    }
    sb.append("], taxProfile=");
    taxProfile(h.taxProfile());
    sb.append(", target=");
    target(h.target());
    sb.append(", model=");
    model(h.model());
    sb.append(", rebalanceFrequency=").append(h.rebalanceFrequency().name());
    if (h.lastRebalanced().isPresent()) {
      date(sb.append(", lastRebalanced="), h.lastRebalanced().get());
    }
    sb.append('}');
  }

  private void account(Account a) {
    sb.append("Account{id=");
    text(a.id().value());
    sb.append(", owners=[");
    boolean first = true;
    for (var owner : a.owners()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      text(owner.value());
    }
    sb.append("], type=").append(a.type().name()).append(", custodian=");
    text(a.custodian());
    money(sb.append(", cash="), a.cash());
    money(sb.append(", cashFloor="), a.cashFloor());
    sb.append(", heldAway=")
        .append(a.heldAway())
        .append(", tradable=")
        .append(a.tradable())
        .append(", fractionalShares=")
        .append(a.fractionalShares())
        .append(", transactionCoverage=")
        .append(a.transactionCoverage().name())
        .append('}');
  }

  private void lot(TaxLot lot) {
    sb.append("TaxLot{id=");
    text(lot.id().value());
    sb.append(", account=");
    text(lot.account().value());
    sb.append(", security=");
    text(lot.security().value());
    quantity(sb.append(", quantity="), lot.quantity());
    money(sb.append(", costBasis="), lot.costBasis());
    date(sb.append(", acquired="), lot.acquired());
    date(sb.append(", holdingPeriodStart="), lot.holdingPeriodStart());
    money(sb.append(", washSaleAdjustment="), lot.washSaleAdjustment());
    quantity(sb.append(", usedAsReplacement="), lot.usedAsReplacement());
    sb.append(", basisKnown=").append(lot.basisKnown()).append('}');
  }

  private void transaction(Transaction t) {
    sb.append("Transaction{id=");
    text(t.id().value());
    sb.append(", account=");
    text(t.account().value());
    sb.append(", security=");
    text(t.security().value());
    sb.append(", side=").append(t.side().name());
    date(sb.append(", tradeDate="), t.tradeDate());
    quantity(sb.append(", quantity="), t.quantity());
    money(sb.append(", amount="), t.amount());
    if (t.realizedGain().isPresent()) {
      money(sb.append(", realizedGain="), t.realizedGain().get());
    }
    if (t.lot().isPresent()) {
      sb.append(", lot=");
      text(t.lot().get().value());
    }
    sb.append(", sequence=").append(t.sequence());
    quantity(sb.append(", usedAsReplacement="), t.usedAsReplacement());
    quantity(sb.append(", washedQuantity="), t.washedQuantity());
    if (t.holdingPeriodStart().isPresent()) {
      date(sb.append(", holdingPeriodStart="), t.holdingPeriodStart().get());
    }
    sb.append('}');
  }

  private void goal(Goal g) {
    sb.append("Goal{id=");
    text(g.id().value());
    sb.append(", name=");
    text(g.name());
    sb.append(", kind=").append(g.kind().name());
    money(sb.append(", targetAmount="), g.targetAmount());
    date(sb.append(", targetDate="), g.targetDate());
    sb.append(", priority=").append(g.priority()).append(", fundingAccounts=[");
    boolean first = true;
    for (var account : g.fundingAccounts()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      text(account.value());
    }
    sb.append(']');
    if (g.fundingShare().isPresent()) {
      weight(sb.append(", fundingShare="), g.fundingShare().get());
    }
    sb.append(", glidePath=GlidePath{steps={");
    first = true;
    for (Map.Entry<Integer, TargetAllocation> e : g.glidePath().steps().entrySet()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(e.getKey().intValue()).append('=');
      target(e.getValue());
    }
    sb.append("}}}");
  }

  private void target(TargetAllocation t) {
    sb.append("TargetAllocation{classes={");
    boolean first = true;
    for (Map.Entry<AssetClass, ClassTarget> e : t.classes().entrySet()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      ClassTarget c = e.getValue();
      text(e.getKey().value());
      weight(sb.append("=ClassTarget[weight="), c.weight());
      weight(sb.append(", absoluteBand="), c.absoluteBand());
      weight(sb.append(", relativeBand="), c.relativeBand());
      sb.append(']');
    }
    sb.append("}}");
  }

  private void restriction(Restriction r) {
    if (r instanceof SecurityExclusion x) {
      head("SecurityExclusion", r);
      scope(x.scope());
    } else if (r instanceof DoNotSell x) {
      head("DoNotSell", r);
      scope(x.scope());
      sb.append(", accounts=[");
      boolean first = true;
      for (var account : x.accounts()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        text(account.value());
      }
      sb.append(']');
    } else if (r instanceof BlackoutWindow x) {
      head("BlackoutWindow", r);
      sb.append(", issuer=");
      text(x.issuer());
    } else if (r instanceof VolumeLimit x) {
      head("VolumeLimit", r);
      sb.append(", issuer=");
      text(x.issuer());
    } else if (r instanceof ConcentrationCap x) {
      head("ConcentrationCap", r);
      scope(x.scope());
      weight(sb.append(", maxWeight="), x.maxWeight());
    } else if (r instanceof AccountFreeze x) {
      head("AccountFreeze", r);
      sb.append(", account=");
      text(x.account().value());
    } else if (r instanceof LotPreference x) {
      head("LotPreference", r);
      scope(x.scope());
      date(sb.append(", protectAcquiredBefore="), x.protectAcquiredBefore());
    } else if (r instanceof AssetLocationPreference x) {
      head("AssetLocationPreference", r);
      scope(x.scope());
      sb.append(", avoidIn=[");
      boolean first = true;
      for (var treatment : x.avoidIn()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        sb.append(treatment.name());
      }
      plain(sb.append("], penaltyBps="), x.penaltyBps());
    } else {
      // the interface is sealed: a new kind is a compile-time change of this class's callers
      throw new IllegalStateException(
          "restriction " + r.id().value() + ": kind " + r.kind() + " has no inputs encoding");
    }
    window(sb.append(", window="), r.window());
    sb.append(", source=");
    text(r.source());
    sb.append(']');
  }

  private void head(String type, Restriction r) {
    sb.append(type).append("[id=");
    text(r.id().value());
  }

  private void scope(SecurityScope scope) {
    sb.append(", scope=").append(scope.type().name()).append(':');
    text(scope.value());
  }

  private static void window(StringBuilder sb, DateWindow w) {
    sb.append('[');
    if (w.fromInclusive().isPresent()) {
      date(sb, w.fromInclusive().get());
    } else {
      sb.append('*');
    }
    sb.append("..");
    if (w.untilInclusive().isPresent()) {
      date(sb, w.untilInclusive().get());
    } else {
      sb.append('*');
    }
    sb.append(']');
  }

  private void liquidityEvent(LiquidityEvent e) {
    sb.append("LiquidityEvent{id=");
    text(e.id().value());
    sb.append(", kind=").append(e.kind().name());
    money(sb.append(", amount="), e.amount());
    date(sb.append(", date="), e.date());
    if (e.account().isPresent()) {
      sb.append(", account=");
      text(e.account().get().value());
    }
    sb.append(", firmness=").append(e.firmness().name()).append(", description=");
    text(e.description());
    sb.append('}');
  }

  private void taxProfile(TaxProfile p) {
    sb.append("TaxProfile{filingStatus=").append(p.filingStatus().name());
    weight(sb.append(", shortTermRate="), p.shortTermRate());
    weight(sb.append(", longTermRate="), p.longTermRate());
    weight(sb.append(", stateRate="), p.stateRate());
    weight(sb.append(", niitRate="), p.niitRate());
    money(sb.append(", shortTermCarryforward="), p.shortTermCarryforward());
    money(sb.append(", longTermCarryforward="), p.longTermCarryforward());
    money(sb.append(", realizedShortTermYtd="), p.realizedShortTermYtd());
    money(sb.append(", realizedLongTermYtd="), p.realizedLongTermYtd());
    optionalMoney(", annualGainBudget=", p.annualGainBudget());
    optionalMoney(", shortTermGainCap=", p.shortTermGainCap());
    sb.append(", samePurchaseWashes=").append(p.samePurchaseWashes()).append('}');
  }

  private void optionalMoney(String name, Optional<Money> value) {
    if (value.isPresent()) {
      money(sb.append(name), value.get());
    }
  }

  private void model(Model m) {
    sb.append("Model{id=");
    text(m.id().value());
    sb.append(", securities={");
    boolean first = true;
    for (Map.Entry<AssetClass, ? extends List<SecurityId>> e : m.securities().entrySet()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      text(e.getKey().value());
      sb.append("=[");
      List<SecurityId> ids = e.getValue();
      for (int i = 0; i < ids.size(); i++) {
        separator(i);
        text(ids.get(i).value());
      }
      sb.append(']');
    }
    sb.append("}}");
  }

  private void security(Security s) {
    sb.append("Security{id=");
    text(s.id().value());
    sb.append(", symbol=");
    text(s.symbol());
    sb.append(", assetClass=");
    text(s.assetClass().value());
    sb.append(", kind=")
        .append(s.kind().name())
        .append(", taxCharacter=")
        .append(s.taxCharacter().name())
        .append(", issuer=");
    text(s.issuer());
    sb.append(", washSaleGroup=");
    text(s.washSaleGroup());
    sb.append('}');
  }

  private void price(Price p) {
    sb.append("Price{security=");
    text(p.security().value());
    sb.append(", perUnit=").append(p.perUnit().currency().getCurrencyCode()).append(' ');
    PlainText.appendPlain(sb, p.perUnit().amount());
    date(sb.append(", asOf="), p.asOf());
    sb.append('}');
  }

  private void volume(TradingVolume v) {
    sb.append("TradingVolume{issuer=");
    text(v.issuer());
    date(sb.append(", asOf="), v.asOf());
    quantity(sb.append(", sharesOutstanding="), v.sharesOutstanding());
    sb.append(", weeklyVolumes=[");
    List<Quantity> weeks = v.weeklyVolumes();
    for (int i = 0; i < weeks.size(); i++) {
      separator(i);
      quantity(sb, weeks.get(i));
    }
    sb.append("]}");
  }

  private void separator(int i) {
    if (i > 0) {
      sb.append(", ");
    }
  }

  /**
   * Appends a text value: {@code \ , = { } [ ]} escaped by a backslash, a character below U+0020 as
   * a backslash, {@code u} and four lower-case hex digits, any other as is.
   */
  private void text(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && !special(s.charAt(i))) {
      i++;
    }
    if (i == n) {
      sb.append(s); // the common case: nothing to escape
      return;
    }
    sb.append(s, 0, i);
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20) {
        sb.append("\\u00")
            .append(Character.forDigit(c >> 4, 16))
            .append(Character.forDigit(c & 0xF, 16));
      } else if (special(c)) {
        sb.append('\\').append(c);
      } else {
        sb.append(c);
      }
    }
  }

  private static boolean special(char c) {
    return c < 0x20 || c == '\\' || c == ',' || c == '=' || c == '{' || c == '}' || c == '['
        || c == ']';
  }

  /**
   * Appends an amount: its currency code, a space and its plain decimal at the currency's scale.
   */
  private static void money(StringBuilder sb, Money m) {
    PlainText.appendPlain(sb.append(m.currency().getCurrencyCode()).append(' '), m.amount());
  }

  private static void quantity(StringBuilder sb, Quantity q) {
    PlainText.appendPlain(sb, q.value());
  }

  private static void weight(StringBuilder sb, Weight w) {
    PlainText.appendStripped(sb, w.value());
  }

  private static void plain(StringBuilder sb, BigDecimal value) {
    PlainText.appendPlain(sb, value);
  }

  private static void date(StringBuilder sb, LocalDate date) {
    PlainText.appendDate(sb, date);
  }

  private void flushIfFull() {
    if (digest != null
        && sb.length() >= CHUNK
        && !Character.isHighSurrogate(sb.charAt(sb.length() - 1))) {
      flush();
    }
  }

  private void flush() {
    digest.update(sb.toString().getBytes(StandardCharsets.UTF_8));
    sb.setLength(0);
  }
}
