package dev.rebal.benchmarks;

import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The household size bins the pipeline benchmarks measure, each a fixed list of households of the
 * generated book (seed {@link #SEED}, default settings): the first {@link #PER_BIN} indices whose
 * household falls in the bin. {@code BOOK} is the book as it comes (every size, faulty and
 * out-of-balance households included); the others skip the deliberately faulty households, which
 * stop at validation.
 *
 * <p>The generator's households have at most about 200 lots (median 81), so the performance
 * target's "typical household" (4 accounts, 40 securities, 300 lots) does not occur in the book.
 * {@code LOTS300} makes it: households with 4 accounts and 35 to 45 securities, each lot split into
 * parts, in order (same account and security, the quantity shared out in whole shares where it was
 * whole, the basis per share spread from 75% to 125% of the original, each later part acquired 45
 * days earlier than the one before) until there are 300 lots (fewer only where lots are too small
 * to split). Holdings, cash and values are unchanged, so drift and triggers are the same as the
 * original household's; only the tax lots (and so the LP's sell segments) multiply.
 */
enum Bins {
  /** The first households of the book, whatever their size. */
  BOOK(s -> true, false, 0),
  /** Small households: at most 40 lots. */
  SMALL(s -> s.lots() <= 40, true, 0),
  /** The book's median household: 3 or 4 accounts, 25 to 45 securities, 60 to 110 lots. */
  MEDIAN(
      s ->
          s.accounts() >= 3
              && s.accounts() <= 4
              && s.securities() >= 25
              && s.securities() <= 45
              && s.lots() >= 60
              && s.lots() <= 110,
      true,
      0),
  /** The book's largest households: at least 150 lots. */
  LARGE(s -> s.lots() >= 150, true, 0),
  /** The target's typical household: 4 accounts, 35 to 45 securities, lots split to about 300. */
  LOTS300(s -> s.accounts() == 4 && s.securities() >= 35 && s.securities() <= 45, true, 300);

  /** The book's seed. */
  static final long SEED = 42;

  /** Households per bin. */
  static final int PER_BIN = 32;

  private final Predicate<HouseholdShape> accepts;
  private final boolean skipFaulty;
  private final int lotsWanted;

  Bins(Predicate<HouseholdShape> accepts, boolean skipFaulty, int lotsWanted) {
    this.accepts = accepts;
    this.skipFaulty = skipFaulty;
    this.lotsWanted = lotsWanted;
  }

  /** Returns the generator of the benchmark book. */
  static BookGenerator generator() {
    return BookGenerator.of(BookConfig.of(SEED));
  }

  /** Returns the bin's {@link #PER_BIN} households of {@code generator}'s book (20,000 scanned). */
  Household[] households(BookGenerator generator) {
    Household[] out = new Household[PER_BIN];
    int found = 0;
    for (long i = 0; i < 20_000 && found < PER_BIN; i++) {
      if (skipFaulty && generator.isFaulty(i)) {
        continue;
      }
      Household h = generator.household(i);
      if (accepts.test(HouseholdShape.of(h))) {
        out[found++] = lotsWanted == 0 ? h : split(h, lotsWanted);
      }
    }
    if (found < PER_BIN) {
      throw new IllegalStateException(this + ": only " + found + " households in 20,000");
    }
    return out;
  }

  /** Splits the lots of {@code h} into parts, in order, until it has about {@code wanted} lots. */
  static Household split(Household h, int wanted) {
    int n = h.lots().size();
    int k = Math.max(1, (wanted + n - 1) / n);
    List<TaxLot> lots = new ArrayList<>();
    int left = n;
    for (TaxLot lot : h.lots()) {
      left--;
      int parts = Math.max(1, Math.min(k, wanted - lots.size() - left));
      lots.addAll(split(lot, parts));
    }
    return h.withLots(lots);
  }

  private static List<TaxLot> split(TaxLot lot, int k) {
    BigDecimal q = lot.quantity().value();
    boolean whole = q.stripTrailingZeros().scale() <= 0;
    int parts = whole ? Math.min(k, q.intValue()) : k;
    if (parts <= 1) {
      return List.of(lot);
    }
    BigDecimal each =
        q.divide(BigDecimal.valueOf(parts), whole ? 0 : Quantity.SCALE, RoundingMode.DOWN);
    BigDecimal basis = lot.costBasis().amount();
    List<TaxLot> out = new ArrayList<>();
    BigDecimal usedQ = BigDecimal.ZERO;
    BigDecimal usedB = BigDecimal.ZERO;
    for (int j = 0; j < parts; j++) {
      boolean last = j == parts - 1;
      BigDecimal qj = last ? q.subtract(usedQ) : each;
      BigDecimal factor = BigDecimal.valueOf(75 + 50L * j / (parts - 1), 2);
      BigDecimal bj =
          last
              ? basis.subtract(usedB)
              : basis.multiply(qj).multiply(factor).divide(q, 2, RoundingMode.HALF_EVEN);
      if (bj.signum() < 0) {
        return List.of(lot);
      }
      usedQ = usedQ.add(qj);
      usedB = usedB.add(bj);
      long days = 45L * j;
      out.add(
          TaxLot.builder()
              .id(j == 0 ? lot.id() : LotId.of(lot.id().value() + "-s" + j))
              .account(lot.account())
              .security(lot.security())
              .quantity(Quantity.of(qj))
              .costBasis(Money.ofComputed(lot.costBasis().currency(), bj))
              .acquired(lot.acquired().minusDays(days))
              .holdingPeriodStart(lot.holdingPeriodStart().minusDays(days))
              .washSaleAdjustment(
                  j == 0 ? lot.washSaleAdjustment() : Money.zero(lot.costBasis().currency()))
              .basisKnown(lot.basisKnown())
              .build());
    }
    return out;
  }
}
