package dev.rebal.core.valuation;

import com.google.common.collect.ImmutableSortedMap;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.SecurityId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * A household valued at market prices: the value of each position (account, security), of each
 * account, of each asset class, and in total. Held-away accounts are included, since they count
 * toward the household's target.
 *
 * <p><b>Cash.</b> Each account's cash balance is counted in the account's value and in the asset
 * class {@link #CASH}, the same class as money-market funds and other cash equivalents, so that a
 * target's cash weight compares with everything that is cash. A negative balance (a margin debit)
 * lowers the class, the account and the total.
 *
 * <p><b>Arithmetic.</b> A position's value is its price times the sum of its lots' quantities,
 * rounded once to cents ({@link Money#ROUNDING}). Account, class and total values are exact sums of
 * those rounded values and cash, so they always add up: the total equals both the sum of account
 * values and the sum of class values. Weights are class value over total, to {@link Weight#SCALE}
 * places, half-even.
 *
 * <p>Valuation expects a household the validator passed without errors: an unknown security, a
 * missing price or a lot in an unknown account throws. This class is immutable and thread-safe.
 */
public final class HouseholdValuation {
  /** The asset class that account cash is counted in; cash-equivalent securities use it too. */
  public static final AssetClass CASH = AssetClass.of("CASH");

  private final Money total;
  private final ImmutableSortedMap<AccountId, Money> accountValues;
  private final ImmutableSortedMap<AccountId, ImmutableSortedMap<SecurityId, Money>> positionValues;
  private final ImmutableSortedMap<AssetClass, Money> classValues;
  private final ImmutableSortedMap<AccountId, ImmutableSortedMap<AssetClass, Money>>
      accountClassValues;

  private HouseholdValuation(
      Money total,
      ImmutableSortedMap<AccountId, Money> accountValues,
      ImmutableSortedMap<AccountId, ImmutableSortedMap<SecurityId, Money>> positionValues,
      ImmutableSortedMap<AssetClass, Money> classValues,
      ImmutableSortedMap<AccountId, ImmutableSortedMap<AssetClass, Money>> accountClassValues) {
    this.total = total;
    this.accountValues = accountValues;
    this.positionValues = positionValues;
    this.classValues = classValues;
    this.accountClassValues = accountClassValues;
  }

  /**
   * Values {@code household} at the prices of {@code marketData}.
   *
   * @param household a household without validation errors
   * @param marketData the security master and prices
   * @return the valuation
   * @throws NoSuchElementException naming the security if a held security is unknown or unpriced
   * @throws IllegalArgumentException naming the lot if it is held in an unknown account
   */
  public static HouseholdValuation of(Household household, MarketData marketData) {
    Checks.notNull(household, "household");
    Checks.notNull(marketData, "marketData");
    // by hash: only looked up (the accounts are walked in the household's order below)
    Map<AccountId, List<Run>> runs = new HashMap<>(2 * household.accounts().size());
    for (Account a : household.accounts()) {
      runs.put(a.id(), new ArrayList<>());
    }
    // a position's lots usually come in one run: summed there (as decimals at the quantities'
    // scale, what Quantity.plus adds); the runs of an account are sorted by security below and
    // the runs of one security merged (the sums are exact, so the grouping does not change them);
    // ids compared by identity first, then by value
    List<Run> runAccount = null;
    AccountId runAccountId = null;
    SecurityId runSecurity = null;
    BigDecimal run = null;
    for (TaxLot lot : household.lots()) {
      if (run != null
          && sameAccount(lot.account(), runAccountId)
          && sameSecurity(lot.security(), runSecurity)) {
        run = run.add(lot.quantity().value());
        continue;
      }
      List<Run> byAccount = runs.get(lot.account());
      if (byAccount == null) {
        Checks.isTrue(
            false,
            "lots[" + lot.id() + "].account",
            lot.account(),
            "must be an account of the household");
      }
      if (run != null) {
        runAccount.add(new Run(runSecurity, run));
      }
      runAccount = byAccount;
      runAccountId = lot.account();
      runSecurity = lot.security();
      run = lot.quantity().value();
    }
    if (run != null) {
      runAccount.add(new Run(runSecurity, run));
    }
    Money total = Money.ZERO_USD;
    Map<AssetClass, Money> classes = new HashMap<>(); // exact sums: sorted once at the end
    Map<AccountId, Money> accounts = new TreeMap<>();
    Map<AccountId, ImmutableSortedMap<SecurityId, Money>> positions = new TreeMap<>();
    Map<AccountId, ImmutableSortedMap<AssetClass, Money>> accountClasses = new TreeMap<>();
    for (Account a : household.accounts()) {
      Money accountValue = a.cash();
      classes.merge(CASH, a.cash(), Money::plus);
      Map<AssetClass, Money> inAccountClasses = new HashMap<>();
      inAccountClasses.put(CASH, a.cash());
      // the runs sorted by security (a stable sort, usually of few runs already close to order);
      // the builder's own sort then finds them in order
      List<Run> accountRuns = runs.get(a.id());
      accountRuns.sort(Run.BY_SECURITY);
      ImmutableSortedMap.Builder<SecurityId, Money> inAccount = ImmutableSortedMap.naturalOrder();
      for (int i = 0; i < accountRuns.size(); ) {
        SecurityId security = accountRuns.get(i).security;
        Quantity quantity = Quantity.of(accountRuns.get(i).quantity);
        for (i++; i < accountRuns.size() && accountRuns.get(i).security.equals(security); i++) {
          quantity = quantity.plus(Quantity.of(accountRuns.get(i).quantity));
        }
        Money value = marketData.prices().lookup(security).perUnit().times(quantity);
        AssetClass assetClass = marketData.lookupSecurity(security).assetClass();
        inAccount.put(security, value);
        classes.merge(assetClass, value, Money::plus);
        inAccountClasses.merge(assetClass, value, Money::plus);
        accountValue = accountValue.plus(value);
      }
      positions.put(a.id(), inAccount.buildOrThrow());
      accountClasses.put(a.id(), ImmutableSortedMap.copyOf(inAccountClasses));
      accounts.put(a.id(), accountValue);
      total = total.plus(accountValue);
    }
    return new HouseholdValuation(
        total,
        ImmutableSortedMap.copyOf(accounts),
        ImmutableSortedMap.copyOf(positions),
        ImmutableSortedMap.copyOf(classes),
        ImmutableSortedMap.copyOf(accountClasses));
  }

  /** A run of lots of one security in one account, and their summed quantity. */
  private static final class Run {
    static final Comparator<Run> BY_SECURITY = (x, y) -> x.security.compareTo(y.security);

    final SecurityId security;
    final BigDecimal quantity;

    Run(SecurityId security, BigDecimal quantity) {
      this.security = security;
      this.quantity = quantity;
    }
  }

  private static boolean sameAccount(AccountId a, AccountId b) {
    return a == b || a.value().equals(b.value());
  }

  private static boolean sameSecurity(SecurityId a, SecurityId b) {
    return a == b || a.value().equals(b.value());
  }

  /** {@return the household's total value: cash plus positions, held-away accounts included} */
  public Money total() {
    return total;
  }

  /** {@return each account's value (cash plus positions), by account id} */
  public ImmutableSortedMap<AccountId, Money> accountValues() {
    return accountValues;
  }

  /** {@return each position's value, by account and then security; cash is not a position} */
  public ImmutableSortedMap<AccountId, ImmutableSortedMap<SecurityId, Money>> positionValues() {
    return positionValues;
  }

  /**
   * {@return the value of {@code security} held in {@code account}; zero if none is held}
   *
   * @param account the account
   * @param security the security
   */
  public Money positionValue(AccountId account, SecurityId security) {
    ImmutableSortedMap<SecurityId, Money> inAccount =
        positionValues.get(Checks.notNull(account, "account"));
    Money value = inAccount == null ? null : inAccount.get(Checks.notNull(security, "security"));
    return value == null ? Money.ZERO_USD : value;
  }

  /** {@return each asset class's value, account cash included in {@link #CASH}} */
  public ImmutableSortedMap<AssetClass, Money> classValues() {
    return classValues;
  }

  /**
   * {@return each account's value by asset class, by account id and then class: the account's cash
   * in {@link #CASH} (always present, even when zero) and its positions in their classes} An
   * account's class values sum to its {@link #accountValues() value}, and each class summed over
   * accounts gives its {@link #classValues() household value}. Goal buckets read it ({@code
   * dev.rebal.core.plan.GoalBuckets}).
   */
  public ImmutableSortedMap<AccountId, ImmutableSortedMap<AssetClass, Money>> accountClassValues() {
    return accountClassValues;
  }

  /**
   * {@return the value held in {@code assetClass}; zero if none}
   *
   * @param assetClass the asset class
   */
  public Money classValue(AssetClass assetClass) {
    Money value = classValues.get(Checks.notNull(assetClass, "assetClass"));
    return value == null ? Money.ZERO_USD : value;
  }

  /**
   * {@return the share of the total held in {@code assetClass}, to {@link Weight#SCALE} places;
   * zero when the total is not positive (nothing to be a share of)}
   *
   * @param assetClass the asset class
   */
  public Weight weight(AssetClass assetClass) {
    if (!total.isPositive()) {
      return Weight.ZERO;
    }
    return Weight.ofComputed(
        classValue(assetClass)
            .amount()
            .divide(total.amount(), Weight.SCALE, RoundingMode.HALF_EVEN));
  }

  /**
   * {@return the drift of every asset class from {@code target}: the target's classes and any class
   * held but not targeted (target weight zero, band zero)}
   *
   * @param target the target allocation
   */
  public HouseholdDrift driftFrom(TargetAllocation target) {
    return HouseholdDrift.of(this, Checks.notNull(target, "target"));
  }

  /** Returns e.g. {@code HouseholdValuation{total=USD 1000.00, classes={CASH=USD 50.00, ...}}}. */
  @Override
  public String toString() {
    return "HouseholdValuation{total=" + total + ", classes=" + classValues + "}";
  }
}
