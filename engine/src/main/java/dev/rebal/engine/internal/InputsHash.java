package dev.rebal.engine.internal;

import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.goal.GlidePath;
import dev.rebal.core.goal.Goal;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.internal.PlainText;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.Price;
import dev.rebal.core.market.TradingVolume;
import dev.rebal.core.money.Money;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SHA-256 of a decision's inputs: the household's full value text (every attribute, members'
 * names redacted), the as-of date, and the reference data it reads (each security and price it
 * holds, trades or may buy, and issuer volumes), in sorted order.
 */
public final class InputsHash {
  /** The generated immutable classes whose text {@link #text} writes itself. */
  private static final String IMMUTABLE_HOUSEHOLD = "dev.rebal.core.household.ImmutableHousehold";
  private static final String IMMUTABLE_LOT = "dev.rebal.core.household.ImmutableTaxLot";
  private static final String IMMUTABLE_TRANSACTION =
      "dev.rebal.core.household.ImmutableTransaction";
  private static final String IMMUTABLE_GOAL = "dev.rebal.core.goal.ImmutableGoal";
  private static final String IMMUTABLE_GLIDE_PATH = "dev.rebal.core.goal.ImmutableGlidePath";
  private static final String IMMUTABLE_TARGET =
      "dev.rebal.core.allocation.ImmutableTargetAllocation";
  private static final String IMMUTABLE_SECURITY = "dev.rebal.core.security.ImmutableSecurity";
  private static final String IMMUTABLE_PRICE = "dev.rebal.core.market.ImmutablePrice";

  /** The generated lot class (the text of most of a household), or null if it is not found. */
  private static final Class<?> LOT_CLASS = classNamed(IMMUTABLE_LOT);
  /** A SHA-256 digest never updated: new digests are its clones (cheaper than a provider lookup). */
  private static final MessageDigest SHA_256 = newSha256();

  /** The characters of household text written before they go to the digest. */
  private static final int CHUNK = 8192;

  private InputsHash() {}

  /** Returns the hash, in lower-case hex. */
  public static String of(Household h, MarketData m, LocalDate asOf) {
    Set<SecurityId> read = new TreeSet<>();
    // a position's lots usually come in one run: its security is added once per run
    SecurityId previous = null;
    for (TaxLot lot : h.lots()) {
      SecurityId security = lot.security();
      // by identity first, then by value (a record's equals is slower than the string's)
      if (security != previous
          && (previous == null || !security.value().equals(previous.value()))) {
        read.add(security);
        previous = security;
      }
    }
    for (Transaction t : h.transactions()) {
      read.add(t.security());
    }
    for (List<SecurityId> ids : h.model().securities().values()) {
      read.addAll(ids);
    }
    // hashed piece by piece (the same bytes as the concatenation): the household's text, the
    // largest piece by far, goes to the digest in chunks as it is written
    MessageDigest digest = sha256();
    update(digest, "asOf " + asOf + "\n");
    updateWithText(digest, h);
    update(digest, referenceText(read, m));
    return hex(digest.digest());
  }

  /**
   * Returns the text of the reference data read: a newline, then for each of {@code read} (in
   * its order) its security's and its price's {@code toString()}, each followed by a newline, then
   * the trading volume of each of their issuers that has one, in issuer order. The securities and
   * prices of the generated immutable classes are written field by field in the exact format of
   * their generated text (a test checks the equality).
   */
  static String referenceText(Set<SecurityId> read, MarketData m) {
    StringBuilder sb = new StringBuilder(1 + 200 * read.size()).append('\n');
    Set<String> issuers = new TreeSet<>();
    for (SecurityId id : read) {
      Optional<Security> security = m.findSecurity(id);
      if (security.isPresent()) {
        Security s = security.get();
        appendSecurity(sb, s);
        sb.append('\n');
        issuers.add(s.issuer());
      }
      Optional<Price> price = m.prices().find(id);
      if (price.isPresent()) {
        appendPrice(sb, price.get());
        sb.append('\n');
      }
    }
    for (String issuer : issuers) {
      TradingVolume volume = m.volumes().get(issuer);
      if (volume != null) {
        sb.append(volume).append('\n');
      }
    }
    return sb.toString();
  }

  private static void appendSecurity(StringBuilder sb, Security s) {
    if (!s.getClass().getName().equals(IMMUTABLE_SECURITY)) {
      sb.append(s);
      return;
    }
    sb.append("Security{id=").append(s.id())
        .append(", symbol=").append(s.symbol())
        .append(", assetClass=").append(s.assetClass())
        .append(", kind=").append(s.kind())
        .append(", taxCharacter=").append(s.taxCharacter())
        .append(", issuer=").append(s.issuer())
        .append(", washSaleGroup=").append(s.washSaleGroup()).append('}');
  }

  private static void appendPrice(StringBuilder sb, Price p) {
    if (!p.getClass().getName().equals(IMMUTABLE_PRICE)) {
      sb.append(p);
      return;
    }
    sb.append("Price{security=").append(p.security()).append(", perUnit=")
        .append(p.perUnit().currency().getCurrencyCode()).append(' ');
    PlainText.appendPlain(sb, p.perUnit().amount()).append(", asOf=");
    PlainText.appendDate(sb, p.asOf()).append('}');
  }

  /**
   * Returns {@code h.toString()}, the household's value text, built in one buffer: the lots,
   * transactions, goals and target, most of the text, are written field by field in the exact
   * format of their generated {@code toString()} (Guava's {@code MoreObjects.toStringHelper}:
   * {@code TaxLot{id=.., ..}}) instead of each one's text being built, copied into the list's
   * text, and that into the household's. A household, lot, transaction, goal, glide path or target
   * allocation of another class than the generated immutable one is rendered by its own {@code
   * toString()}. A test checks the equality with {@code toString()} over random and generated
   * households, so an attribute added to any of these types fails there, not in an audit.
   */
  static String text(Household h) {
    if (!h.getClass().getName().equals(IMMUTABLE_HOUSEHOLD)) {
      return h.toString();
    }
    StringBuilder sb = new StringBuilder(1024 + 320 * h.lots().size());
    write(h, sb, null);
    return sb.toString();
  }

  /** Updates {@code digest} with the UTF-8 bytes of {@code h.toString()}. */
  static void updateWithText(MessageDigest digest, Household h) {
    if (h.getClass().getName().equals(IMMUTABLE_HOUSEHOLD)) {
      StringBuilder text = new StringBuilder(2 * CHUNK);
      write(h, text, digest);
      update(digest, text.toString());
    } else {
      update(digest, h.toString());
    }
  }

  /**
   * Writes the text of {@link #text} to {@code sb}; with a {@code digest}, hands each full chunk
   * of it to the digest as UTF-8 and empties {@code sb}, so the digest sees the same bytes as from
   * the whole text (a chunk never ends inside a surrogate pair), and the caller hashes the rest.
   */
  private static void write(Household h, StringBuilder sb, MessageDigest digest) {
    List<TaxLot> lots = h.lots();
    sb.append("Household{id=").append(h.id())
        .append(", members=").append(h.members())
        .append(", accounts=").append(h.accounts())
        .append(", lots=[");
    for (int i = 0; i < lots.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      appendLot(sb, lots.get(i));
      flushIfFull(sb, digest);
    }
    sb.append("], transactions=[");
    List<Transaction> transactions = h.transactions();
    for (int i = 0; i < transactions.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      appendTransaction(sb, transactions.get(i));
      flushIfFull(sb, digest);
    }
    sb.append("], goals=[");
    List<Goal> goals = h.goals();
    for (int i = 0; i < goals.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      appendGoal(sb, goals.get(i));
    }
    sb.append("], restrictions=").append(h.restrictions())
        .append(", liquidityEvents=").append(h.liquidityEvents())
        .append(", taxProfile=").append(h.taxProfile())
        .append(", target=");
    appendTarget(sb, h.target());
    sb.append(", model=").append(h.model())
        .append(", rebalanceFrequency=").append(h.rebalanceFrequency());
    h.lastRebalanced().ifPresent(d -> sb.append(", lastRebalanced=").append(d));
    sb.append('}');
  }

  private static void flushIfFull(StringBuilder sb, MessageDigest digest) {
    if (digest != null && sb.length() >= CHUNK
        && !Character.isHighSurrogate(sb.charAt(sb.length() - 1))) {
      update(digest, sb.toString());
      sb.setLength(0);
    }
  }

  private static void appendLot(StringBuilder sb, TaxLot lot) {
    Class<?> type = lot.getClass();
    if (type != LOT_CLASS && !type.getName().equals(IMMUTABLE_LOT)) {
      sb.append(lot);
      return;
    }
    sb.append("TaxLot{id=").append(lot.id())
        .append(", account=").append(lot.account())
        .append(", security=").append(lot.security())
        .append(", quantity=");
    PlainText.appendPlain(sb, lot.quantity().value()).append(", costBasis=");
    appendMoney(sb, lot.costBasis());
    sb.append(", acquired=");
    PlainText.appendDate(sb, lot.acquired()).append(", holdingPeriodStart=");
    PlainText.appendDate(sb, lot.holdingPeriodStart()).append(", washSaleAdjustment=");
    appendMoney(sb, lot.washSaleAdjustment());
    sb.append(", usedAsReplacement=");
    PlainText.appendPlain(sb, lot.usedAsReplacement().value());
    sb.append(", basisKnown=").append(lot.basisKnown()).append('}');
  }

  private static void appendTransaction(StringBuilder sb, Transaction t) {
    if (!t.getClass().getName().equals(IMMUTABLE_TRANSACTION)) {
      sb.append(t);
      return;
    }
    sb.append("Transaction{id=").append(t.id())
        .append(", account=").append(t.account())
        .append(", security=").append(t.security())
        .append(", side=").append(t.side())
        .append(", tradeDate=");
    PlainText.appendDate(sb, t.tradeDate()).append(", quantity=");
    PlainText.appendPlain(sb, t.quantity().value()).append(", amount=");
    appendMoney(sb, t.amount());
    // absent optionals are null fields, which the generated text omits
    if (t.realizedGain().isPresent()) {
      sb.append(", realizedGain=");
      appendMoney(sb, t.realizedGain().get());
    }
    t.lot().ifPresent(lot -> sb.append(", lot=").append(lot));
    sb.append(", sequence=").append(t.sequence()).append(", usedAsReplacement=");
    PlainText.appendPlain(sb, t.usedAsReplacement().value()).append(", washedQuantity=");
    PlainText.appendPlain(sb, t.washedQuantity().value());
    if (t.holdingPeriodStart().isPresent()) {
      PlainText.appendDate(sb.append(", holdingPeriodStart="), t.holdingPeriodStart().get());
    }
    sb.append('}');
  }

  private static void appendGoal(StringBuilder sb, Goal g) {
    if (!g.getClass().getName().equals(IMMUTABLE_GOAL)) {
      sb.append(g);
      return;
    }
    sb.append("Goal{id=").append(g.id())
        .append(", name=").append(g.name())
        .append(", kind=").append(g.kind())
        .append(", targetAmount=");
    appendMoney(sb, g.targetAmount());
    sb.append(", targetDate=").append(g.targetDate())
        .append(", priority=").append(g.priority())
        .append(", fundingAccounts=").append(g.fundingAccounts());
    // an absent optional is a null field, which the generated text omits
    if (g.fundingShare().isPresent()) {
      PlainText.appendStripped(sb.append(", fundingShare="), g.fundingShare().get().value());
    }
    sb.append(", glidePath=");
    GlidePath path = g.glidePath();
    if (!path.getClass().getName().equals(IMMUTABLE_GLIDE_PATH)) {
      sb.append(path);
    } else {
      // the steps' map as Guava's map text: {k=v, k=v}
      sb.append("GlidePath{steps={");
      boolean first = true;
      for (Map.Entry<Integer, TargetAllocation> e : path.steps().entrySet()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        sb.append(e.getKey()).append('=');
        appendTarget(sb, e.getValue());
      }
      sb.append("}}");
    }
    sb.append('}');
  }

  /**
   * Appends a target allocation's text; its class targets are records, whose JDK 17 {@code
   * toString} formats with {@code String.format}, so they are written here in the same form.
   */
  private static void appendTarget(StringBuilder sb, TargetAllocation t) {
    if (!t.getClass().getName().equals(IMMUTABLE_TARGET)) {
      sb.append(t);
      return;
    }
    sb.append("TargetAllocation{classes={");
    boolean first = true;
    for (Map.Entry<AssetClass, ClassTarget> e : t.classes().entrySet()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      ClassTarget c = e.getValue();
      // a weight's text is its value without trailing zeros
      sb.append(e.getKey()).append("=ClassTarget[weight=");
      PlainText.appendStripped(sb, c.weight().value()).append(", absoluteBand=");
      PlainText.appendStripped(sb, c.absoluteBand().value()).append(", relativeBand=");
      PlainText.appendStripped(sb, c.relativeBand().value()).append(']');
    }
    sb.append("}}");
  }

  /** Appends {@link dev.rebal.core.money.Money#toString()}'s text, e.g. {@code USD 1250.75}. */
  private static void appendMoney(StringBuilder sb, Money m) {
    PlainText.appendPlain(sb.append(m.currency().getCurrencyCode()).append(' '), m.amount());
  }

  /** Returns a new SHA-256 digest. */
  static MessageDigest sha256() {
    try {
      return (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      return newSha256(); // a provider whose digest is not cloneable
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  private static Class<?> classNamed(String name) {
    try {
      return Class.forName(name, false, InputsHash.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null; // every lot is then checked by its class name
    }
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(byte[] bytes) {
    StringBuilder hex = new StringBuilder(64);
    for (byte b : bytes) {
      hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return hex.toString();
  }
}
