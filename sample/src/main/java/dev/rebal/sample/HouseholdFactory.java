package dev.rebal.sample;

import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.allocation.ClassTarget;
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
import dev.rebal.core.household.TransactionId;
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
import dev.rebal.core.restriction.RestrictionId;
import dev.rebal.core.restriction.SecurityExclusion;
import dev.rebal.core.restriction.SecurityScope;
import dev.rebal.core.restriction.VolumeLimit;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import dev.rebal.core.trade.Side;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds one household from its own random stream. Not thread-safe; one instance per household.
 *
 * <p>Method: pick accounts, then a profile (the tax-aware one only with a taxable account), then
 * the value of each asset class (the target weight, nudged inside the band by two zero-sum swaps,
 * or, for an out-of-balance household, one swap past the band). Each class's value is spread over
 * its securities, each position is put in an eligible account (munis only in taxable ones) and
 * priced at today's price, then split into lots bought on dates over ten years and costed at the
 * prices of their months. Goals (whose glide-path step for today is the household's own target, so
 * a managed household sits near its goal-aware plan), restrictions, liquidity events and recent
 * transactions follow, then, for a faulty household, one deliberate error.
 */
final class HouseholdFactory {
  private static final long FLAG_STREAM = 1L;
  private static final long MAIN_STREAM = 0L;
  private static final int FAULT_KINDS = 12;

  /** Lot ids {@code L-1} to {@code L-511} (index 0 unused): values, so one instance serves all. */
  private static final LotId[] LOT_IDS = new LotId[512];

  private static final MemberId M1 = MemberId.of("M1");
  private static final MemberId M2 = MemberId.of("M2");
  private static final MemberId M3 = MemberId.of("M3");

  /** Short-term, long-term and NIIT rates of the brackets households are put in. */
  private static final Weight[][] BRACKETS = {
    {Weight.of("0.24"), Weight.of("0.15"), Weight.of("0")},
    {Weight.of("0.32"), Weight.of("0.15"), Weight.of("0")},
    {Weight.of("0.35"), Weight.of("0.20"), Weight.of("0.038")},
    {Weight.of("0.37"), Weight.of("0.20"), Weight.of("0.038")},
  };

  private static final Weight[] STATE_RATES = {
    Weight.of("0"), Weight.of("0.05"), Weight.of("0.093"), Weight.of("0.133"), Weight.of("0.0495")
  };
  private static final int ELIGIBLE_ANY = 0;
  private static final int ELIGIBLE_MUNI = 1;
  private static final int ELIGIBLE_EMPLOYER = 2;

  private final BookConfig config;
  private final SecurityUniverse universe;
  private final Profiles profiles;
  private final long index;
  private final SplittableRandom rnd;
  private final LocalDate asOf;
  private final LocalDate yearAgo;
  private final List<Account> accounts = new ArrayList<>();
  private final List<TaxLot> lots = new ArrayList<>(256);
  private final List<Transaction> transactions = new ArrayList<>();
  private final List<Goal> goals = new ArrayList<>();
  private final List<Restriction> restrictions = new ArrayList<>();
  private final List<LiquidityEvent> events = new ArrayList<>();
  private final List<Member> members = new ArrayList<>();
  private long totalCents;
  private boolean spouse;
  private final int[][] eligibleAccounts = new int[3][];
  private int profile;
  private String employer;
  private TargetAllocation target;

  /** The realistic start's years of investing, in days; drawn at the first position. */
  private int investedDays = -1;

  HouseholdFactory(BookConfig config, SecurityUniverse universe, Profiles profiles, long index) {
    this.config = config;
    this.universe = universe;
    this.profiles = profiles;
    this.index = index;
    this.rnd = new SplittableRandom(BookGenerator.mix(config.seed(), index, MAIN_STREAM));
    this.asOf = config.asOf();
    this.yearAgo = asOf.minusYears(1);
  }

  static {
    for (int i = 1; i < LOT_IDS.length; i++) {
      LOT_IDS[i] = LotId.of("L-" + i);
    }
  }

  static boolean isFaulty(BookConfig config, long index) {
    SplittableRandom flags =
        new SplittableRandom(BookGenerator.mix(config.seed(), index, FLAG_STREAM));
    return flags.nextInt(100) < config.faultPercent();
  }

  static boolean isOutOfBalance(BookConfig config, long index) {
    SplittableRandom flags =
        new SplittableRandom(BookGenerator.mix(config.seed(), index, FLAG_STREAM));
    flags.nextInt(100);
    return !isFaulty(config, index) && flags.nextInt(100) < config.outOfBalancePercent();
  }

  Household build() {
    String number = sixDigits(index);
    String id = "HH-" + number;
    members(number);
    accounts();
    profile = chooseProfile();
    target = profiles.target(profile);
    totalCents = totalValueCents();
    if (rnd.nextInt(100) < 25) {
      employer = SecurityUniverse.employer(1 + rnd.nextInt(SecurityUniverse.EMPLOYERS));
    }
    holdings(classCents());
    recentSells();
    goals();
    restrictions();
    liquidityEvents();
    TaxProfile tax = taxProfile();
    if (isFaulty(config, index)) {
      fault(rnd.nextInt(FAULT_KINDS));
    }
    Household.Builder h =
        Household.builder()
            .id(HouseholdId.of(id))
            .addAllMembers(members)
            .addAllAccounts(accounts)
            .addAllLots(lots)
            .addAllTransactions(transactions)
            .addAllGoals(goals)
            .addAllRestrictions(restrictions)
            .addAllLiquidityEvents(events)
            .taxProfile(tax)
            .target(target)
            .model(profiles.model(profile))
            .rebalanceFrequency(RebalanceFrequency.values()[1 + rnd.nextInt(4)]);
    if (rnd.nextInt(100) < 80) {
      h.lastRebalanced(asOf.minusDays(20 + rnd.nextInt(380)));
    }
    return h.build();
  }

  // ---- members and accounts ----

  private void members(String n) {
    members.add(
        Member.builder().id(M1).name("Client " + n + " A").role(MemberRole.PRIMARY).build());
    if (rnd.nextInt(100) < 60) {
      members.add(
          Member.builder().id(M2).name("Client " + n + " B").role(MemberRole.SPOUSE).build());
      spouse = true;
    }
    if (rnd.nextInt(100) < 30) {
      members.add(
          Member.builder().id(M3).name("Client " + n + " C").role(MemberRole.DEPENDENT).build());
    }
  }

  private boolean hasSpouse() {
    return spouse;
  }

  /**
   * Returns {@code index} in decimal, zero-padded to six digits: {@code String.format(Locale.ROOT,
   * "%06d")}.
   */
  static String sixDigits(long index) {
    String digits = Long.toString(index);
    return digits.length() >= 6 ? digits : "000000".substring(digits.length()) + digits;
  }

  private void accounts() {
    int[] sizes = {1, 2, 2, 3, 3, 3, 4, 4, 5, 6};
    int n = sizes[rnd.nextInt(sizes.length)];
    AccountType[] types = AccountType.values();
    for (int i = 1; i <= n; i++) {
      AccountType type =
          i == 1
              ? (rnd.nextInt(100) < 80 ? AccountType.TAXABLE : AccountType.TRADITIONAL_IRA)
              : types[rnd.nextInt(types.length)];
      boolean heldAway =
          type == AccountType.K401
              ? rnd.nextInt(100) < 60
              : i > 1 && type == AccountType.TAXABLE && hasSpouse() && rnd.nextInt(100) < 15;
      Account.Builder a =
          Account.builder()
              .id(AccountId.of(prefix(type) + "-" + i))
              .type(type)
              .custodian(heldAway ? "Other Firm" : "Rebal Custody")
              .cash(Money.ZERO_USD)
              .cashFloor(Money.ZERO_USD)
              .heldAway(heldAway)
              .tradable(!heldAway)
              .fractionalShares(!heldAway && rnd.nextInt(100) < 30);
      boolean joint =
          hasSpouse()
              && (type == AccountType.TAXABLE || type == AccountType.TRUST)
              && rnd.nextInt(100) < 60;
      a.addOwners(hasSpouse() && !joint && rnd.nextInt(100) < 40 ? M2 : M1);
      if (joint) {
        a.addOwners(M2);
      }
      accounts.add(a.build());
    }
  }

  private static String prefix(AccountType type) {
    switch (type) {
      case TAXABLE:
        return "TAX";
      case TRADITIONAL_IRA:
        return "IRA";
      case ROTH_IRA:
        return "ROTH";
      case K401:
        return "401K";
      case HSA:
        return "HSA";
      case TRUST:
        return "TRUST";
      default:
        return "DAF";
    }
  }

  private boolean hasTaxable() {
    for (Account a : accounts) {
      if (a.treatment() == TaxTreatment.TAXABLE) {
        return true;
      }
    }
    return false;
  }

  private int chooseProfile() {
    if (hasTaxable() && rnd.nextInt(100) < 25) {
      return Profiles.TAX_AWARE;
    }
    return rnd.nextInt(Profiles.TAX_AWARE);
  }

  private long totalValueCents() {
    int tier = rnd.nextInt(100);
    long dollars =
        tier < 50
            ? 100_000 + rnd.nextLong(900_000)
            : tier < 85
                ? 1_000_000 + rnd.nextLong(4_000_000)
                : 5_000_000 + rnd.nextLong(20_000_000);
    return dollars * 100;
  }

  // ---- allocation ----

  /** Returns the value of each class (in the order of {@link Profiles#CLASSES}), in cents. */
  private long[] classCents() {
    int[] w = Profiles.WEIGHTS_BP[profile].clone();
    List<Integer> held = new ArrayList<>();
    for (int c = 0; c < w.length; c++) {
      if (w[c] > 0) {
        held.add(c);
      }
    }
    if (isOutOfBalance(config, index)) {
      int a = held.get(rnd.nextInt(held.size()));
      int b = largestOtherThan(w, a);
      int shift = Profiles.halfWidthBp(w[a]) + 200 + rnd.nextInt(400);
      shift = Math.min(shift, w[b] / 2 + Profiles.halfWidthBp(w[b]));
      shift = Math.min(shift, w[b] - 100);
      w[a] += shift;
      w[b] -= shift;
    } else {
      for (int k = 0; k < 2; k++) {
        int a = held.get(rnd.nextInt(held.size()));
        int b = held.get(rnd.nextInt(held.size()));
        int room = Math.min(Profiles.halfWidthBp(w[a]), Profiles.halfWidthBp(w[b])) / 4;
        int e = Math.min(rnd.nextInt(room + 1), w[b] / 2);
        if (a != b) {
          w[a] += e;
          w[b] -= e;
        }
      }
    }
    long[] cents = new long[w.length];
    for (int c = 0; c < w.length; c++) {
      cents[c] = totalCents * w[c] / 10_000;
    }
    return cents;
  }

  private static int largestOtherThan(int[] w, int a) {
    int best = -1;
    for (int c = 0; c < w.length; c++) {
      if (c != a && (best < 0 || w[c] > w[best])) {
        best = c;
      }
    }
    return best;
  }

  private void holdings(long[] classCents) {
    int classes = 0;
    for (long c : classCents) {
      classes += c > 0 ? 1 : 0;
    }
    int wanted = 5 + rnd.nextInt(76);
    int affordable = (int) Math.max(classes, Math.min(80, totalCents / 100 / 8_000));
    int count = Math.max(Math.max(5, classes), Math.min(wanted, affordable));
    // per class: the model's first fund, then random extras from the class (munis: taxable only)
    List<List<Security>> chosen = new ArrayList<>();
    List<Security> candidates = new ArrayList<>(universe.securities().size());
    List<Integer> candidateClasses = new ArrayList<>(universe.securities().size());
    int picked = 0;
    // a realistic book is mostly funds: single stocks only for about one household in six
    boolean stockPicker = !config.realisticStart() || rnd.nextInt(100) < 15;
    for (int c = 0; c < classCents.length; c++) {
      List<Security> inClass = new ArrayList<>();
      if (classCents[c] > 0) {
        AssetClass ac = Profiles.CLASSES.get(c);
        Security primary = profiles.primary(profile, c);
        inClass.add(primary);
        picked++;
        if (employer != null && ac.equals(SecurityUniverse.US_LARGE_CAP)) {
          inClass.add(universe.security(SecurityId.of(employer)));
          picked++;
        }
        // the class's securities but employer stocks (the employer is in inClass if held), less
        // the primary fund: the universe's instances, so identity is equality
        for (Security s : universe.inClassButEmployers(ac)) {
          if (s != primary && (stockPicker || s.kind() != SecurityKind.EQUITY)) {
            candidates.add(s);
            candidateClasses.add(c);
          }
        }
      }
      chosen.add(inClass);
    }
    while (picked < count && !candidates.isEmpty()) {
      int pick = rnd.nextInt(candidates.size());
      Security s = candidates.remove(pick);
      chosen.get(candidateClasses.remove(pick)).add(s);
      picked++;
    }
    for (int c = 0; c < classCents.length; c++) {
      if (classCents[c] > 0) {
        classPositions(Profiles.CLASSES.get(c), classCents[c], chosen.get(c));
      }
    }
  }

  private void classPositions(AssetClass ac, long cents, List<Security> securities) {
    long remaining = cents;
    if (ac.equals(SecurityUniverse.CASH)) {
      long cash = cents * (30 + rnd.nextInt(40)) / 100;
      remaining -= cash;
      long each = cash / accounts.size();
      for (int i = 0; i < accounts.size(); i++) {
        long amount = i == accounts.size() - 1 ? cash - each * (accounts.size() - 1) : each;
        Account a = accounts.get(i);
        long floor = a.heldAway() ? 0 : Math.min(amount, 100_000L * rnd.nextInt(11));
        accounts.set(
            i,
            Account.builder()
                .id(a.id())
                .addAllOwners(a.owners())
                .type(a.type())
                .custodian(a.custodian())
                .cash(cents(amount))
                .cashFloor(cents(floor))
                .heldAway(a.heldAway())
                .tradable(a.tradable())
                .fractionalShares(a.fractionalShares())
                .build());
      }
    }
    int[] shares = new int[securities.size()];
    int sum = 0;
    for (int i = 0; i < shares.length; i++) {
      shares[i] = i == 0 ? 10 + rnd.nextInt(10) : 1 + rnd.nextInt(10);
      sum += shares[i];
    }
    if (employer != null && ac.equals(SecurityUniverse.US_LARGE_CAP)) {
      shares[1] = Math.max(shares[1], sum / 2);
      sum = 0;
      for (int s : shares) {
        sum += s;
      }
    }
    long primaryExtra = 0;
    for (int i = shares.length - 1; i >= 0; i--) {
      long dollars = remaining * shares[i] / sum + (i == 0 ? primaryExtra : 0);
      Security s = securities.get(i);
      // too small for a sensible position (under ten shares): fold into the class's primary fund
      int sec = universe.indexOf(s.id());
      if (i > 0 && dollars < 10 * universe.priceCents(sec)) {
        primaryExtra += dollars;
        continue;
      }
      position(s, sec, dollars);
    }
  }

  private void position(Security s, int sec, long cents) {
    Account account = accountFor(s);
    int scale = quantityScale(s, account);
    // the quantity at the scale, in units of 10^-scale shares, at least one unit
    long units = Math.max(1, quantityUnits(cents, universe.priceCents(sec), scale));
    if (config.realisticStart()) {
      regularPurchases(s, sec, account, units, scale);
      return;
    }
    int n = s.kind() == SecurityKind.CASH_EQUIVALENT ? 1 : 1 + rnd.nextInt(4);
    n = (int) Math.min(n, units);
    boolean recentBuy = account.tradable() && rnd.nextInt(100) < 6;
    // purchase dates as days before as-of: ascending days is descending dates, so lot i (in date
    // order) takes daysAgo[n - 1 - i]
    int[] daysAgo = new int[n];
    for (int i = 0; i < n; i++) {
      daysAgo[i] = 62 + rnd.nextInt(SecurityUniverse.DAY_TABLE - 62);
    }
    sortSmall(daysAgo);
    if (recentBuy) {
      daysAgo[0] = 1 + rnd.nextInt(60);
    }
    long left = units;
    for (int i = 0; i < n; i++) {
      long part =
          i == n - 1 ? left : Math.max(1, units / n - rnd.nextLong(Math.max(1, units / (3L * n))));
      part = Math.min(part, left - (n - 1 - i));
      left -= part;
      lot(s, sec, account, part, scale, daysAgo[n - 1 - i], recentBuy && i == n - 1);
    }
  }

  /**
   * The realistic start's position: two to six purchases of about equal dollar amounts on dates
   * spread evenly (with a few weeks of jitter) over the years the household has been invested, each
   * costed at the market path's price on its date, so the units bought vary inversely with price.
   */
  private void regularPurchases(Security s, int sec, Account account, long units, int scale) {
    if (investedDays < 0) {
      investedDays = 365 * (3 + rnd.nextInt(8));
    }
    int n = s.kind() == SecurityKind.CASH_EQUIVALENT ? 1 : 2 + rnd.nextInt(5);
    n = (int) Math.min(n, units);
    int[] daysAgo = new int[n];
    double[] weight = new double[n];
    double sum = 0;
    int span = Math.min(investedDays, SecurityUniverse.DAY_TABLE) - 62;
    for (int i = 0; i < n; i++) {
      // i = 0 is the oldest purchase
      int day = 62 + (int) ((long) span * (n - i) / (n + 1)) + rnd.nextInt(29) - 14;
      daysAgo[i] = Math.max(62, Math.min(SecurityUniverse.DAY_TABLE, day));
      weight[i] = 1.0 / universe.priceCentsDaysBefore(sec, daysAgo[i]);
      sum += weight[i];
    }
    long left = units;
    for (int i = 0; i < n; i++) {
      long part =
          i == n - 1
              ? left
              : Math.max(1, Math.min(left - (n - 1 - i), (long) (units * weight[i] / sum)));
      left -= part;
      lot(s, sec, account, part, scale, daysAgo[i], false);
    }
  }

  private void lot(
      Security s, int sec, Account account, long units, int scale, int daysAgo, boolean recent) {
    LocalDate acquired = universe.daysBefore(daysAgo);
    Money basis =
        Money.usd(
            BigDecimal.valueOf(
                basisCents(universe.priceCentsDaysBefore(sec, daysAgo), units, scale), 2));
    LotId lotId = lotId(lots.size() + 1);
    TaxLot.Builder b =
        TaxLot.builder()
            .id(lotId)
            .account(account.id())
            .security(s.id())
            .quantity(quantity(units, scale))
            .acquired(acquired);
    if (!recent
        && s.kind() != SecurityKind.CASH_EQUIVALENT
        && acquired.isBefore(yearAgo)
        && rnd.nextInt(100) < 3) {
      Money adjustment = basis.multipliedBy(BigDecimal.valueOf(1 + rnd.nextInt(10), 2));
      b.costBasis(basis.plus(adjustment))
          .washSaleAdjustment(adjustment)
          .holdingPeriodStart(acquired.minusDays(31 + rnd.nextInt(370)));
    } else {
      // the default, Money.zero(USD), set here so that each lot does not build its own zero
      b.costBasis(basis).washSaleAdjustment(Money.ZERO_USD);
    }
    TaxLot lot = b.build();
    lots.add(lot);
    if (recent) {
      transactions.add(
          Transaction.builder()
              .id(TransactionId.of("T-" + (transactions.size() + 1)))
              .account(account.id())
              .security(s.id())
              .side(Side.BUY)
              .tradeDate(acquired)
              .quantity(lot.quantity())
              .amount(basis)
              .lot(lotId)
              .build());
    }
  }

  /** Sorts a short array ascending (insertion sort: a position has at most four lots). */
  private static void sortSmall(int[] a) {
    for (int i = 1; i < a.length; i++) {
      int v = a[i];
      int j = i - 1;
      while (j >= 0 && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }

  /**
   * Returns {@code cents / priceCents} shares at {@code scale} decimal places, rounded half-even,
   * in units of 10^-scale shares: the unscaled value of {@code BigDecimal.valueOf(cents, 2)
   * .divide(price, scale, HALF_EVEN)}, in long arithmetic (exact: the generator's amounts are far
   * from overflowing, and an overflow would throw, never round).
   */
  static long quantityUnits(long cents, long priceCents, int scale) {
    long numerator = cents;
    for (int i = 0; i < scale; i++) {
      numerator = Math.multiplyExact(numerator, 10L);
    }
    return divideHalfEven(numerator, priceCents);
  }

  /**
   * Returns the cost in cents of {@code units} units of 10^-scale shares at {@code priceCents},
   * rounded half-even: the unscaled value of {@code Money.ofComputed(USD,
   * price.multiply(quantity))}.
   */
  static long basisCents(long priceCents, long units, int scale) {
    long product = Math.multiplyExact(priceCents, units);
    long divisor = 1;
    for (int i = 0; i < scale; i++) {
      divisor *= 10;
    }
    return divideHalfEven(product, divisor);
  }

  /** Returns {@code numerator / divisor} rounded half-even; {@code divisor} is positive. */
  static long divideHalfEven(long numerator, long divisor) {
    long q = numerator / divisor;
    long r = numerator % divisor;
    if (r != 0) {
      long twice = Math.abs(r) * 2;
      int sign = numerator < 0 ? -1 : 1;
      if (twice > divisor || (twice == divisor && (q & 1) != 0)) {
        q += sign;
      }
    }
    return q;
  }

  /** Returns {@code units} units of 10^-scale shares as a quantity, built at its own scale. */
  private static Quantity quantity(long units, int scale) {
    long micro = units;
    for (int i = scale; i < Quantity.SCALE; i++) {
      micro = Math.multiplyExact(micro, 10L);
    }
    return Quantity.of(BigDecimal.valueOf(micro, Quantity.SCALE));
  }

  /** Returns lot id {@code L-number}, shared from a table for the usual numbers. */
  private static LotId lotId(int number) {
    return number < LOT_IDS.length ? LOT_IDS[number] : LotId.of("L-" + number);
  }

  private static int quantityScale(Security s, Account account) {
    // only mutual funds and accounts that allow fractional shares hold fractions
    return s.kind() == SecurityKind.MUTUAL_FUND || account.fractionalShares() ? 3 : 0;
  }

  private Account accountFor(Security s) {
    int kind =
        s.assetClass().equals(SecurityUniverse.MUNI_BONDS)
            ? ELIGIBLE_MUNI
            : s.id().value().equals(employer) ? ELIGIBLE_EMPLOYER : ELIGIBLE_ANY;
    int[] eligible = eligibleAccounts[kind];
    if (eligible == null) {
      // account types and treatments stay fixed while holdings are made (only cash changes), so
      // the indices are computed once per household
      eligible = eligibleAccounts(kind);
      eligibleAccounts[kind] = eligible;
    }
    return accounts.get(eligible[rnd.nextInt(eligible.length)]);
  }

  /** Returns the indices of the accounts that may hold a security of {@code kind}. */
  private int[] eligibleAccounts(int kind) {
    int[] eligible = new int[accounts.size()];
    int count = 0;
    for (int i = 0; i < accounts.size(); i++) {
      Account a = accounts.get(i);
      boolean taxable = a.treatment() == TaxTreatment.TAXABLE;
      boolean ok =
          kind == ELIGIBLE_MUNI
              ? taxable
              : kind == ELIGIBLE_EMPLOYER ? taxable || a.type() == AccountType.K401 : true;
      if (ok) {
        eligible[count++] = i;
      }
    }
    if (count == 0) {
      for (int i = 0; i < accounts.size(); i++) {
        eligible[i] = i;
      }
      count = accounts.size();
    }
    return Arrays.copyOf(eligible, count);
  }

  private void recentSells() {
    if (rnd.nextInt(100) >= 20) {
      return;
    }
    List<Account> tradable = accounts.stream().filter(Account::tradable).toList();
    if (tradable.isEmpty() || lots.isEmpty()) {
      return;
    }
    int n = 1 + rnd.nextInt(2);
    for (int i = 0; i < n; i++) {
      SecurityId sec = lots.get(rnd.nextInt(lots.size())).security();
      LocalDate date = asOf.minusDays(1 + rnd.nextInt(60));
      BigDecimal qty = BigDecimal.valueOf(5 + rnd.nextInt(200));
      Money amount = Money.ofComputed(Money.USD, universe.priceOn(sec, date).multiply(qty));
      Money gain = amount.multipliedBy(BigDecimal.valueOf(rnd.nextInt(61) - 30, 2));
      transactions.add(
          Transaction.builder()
              .id(TransactionId.of("T-" + (transactions.size() + 1)))
              .account(tradable.get(rnd.nextInt(tradable.size())).id())
              .security(sec)
              .side(Side.SELL)
              .tradeDate(date)
              .quantity(Quantity.of(qty))
              .amount(amount)
              .realizedGain(gain)
              .build());
    }
  }

  // ---- goals, restrictions, events, tax ----

  private void goals() {
    List<AccountId> retirement = new ArrayList<>();
    for (Account a : accounts) {
      if (a.type() == AccountType.TRADITIONAL_IRA
          || a.type() == AccountType.ROTH_IRA
          || a.type() == AccountType.K401) {
        retirement.add(a.id());
      }
    }
    int priority = 1;
    int shareLeftBp = 10_000;
    if (!retirement.isEmpty()) {
      goals.add(
          goal(
              GoalKind.RETIREMENT,
              "Retirement",
              totalCents * (15 + rnd.nextInt(25)) / 10,
              asOf.plusYears(5 + rnd.nextInt(26)),
              priority++,
              retirement,
              0));
    }
    if (rnd.nextInt(100) < 30) {
      goals.add(
          goal(
              GoalKind.EMERGENCY_RESERVE,
              "Emergency reserve",
              totalCents / 20,
              asOf.plusYears(1),
              priority++,
              List.of(),
              500));
      shareLeftBp -= 500;
    }
    if (rnd.nextInt(100) < 35) {
      int share = 1_000 + rnd.nextInt(2_000);
      goals.add(
          goal(
              GoalKind.EDUCATION,
              "College",
              10_000_000L + 100_000L * rnd.nextInt(400),
              asOf.plusYears(2 + rnd.nextInt(14)),
              priority++,
              List.of(),
              share));
      shareLeftBp -= share;
    }
    if (rnd.nextInt(100) < 15) {
      int share = 1_000 + rnd.nextInt(1_500);
      goals.add(
          goal(
              GoalKind.HOME_PURCHASE,
              "Home purchase",
              totalCents / 4,
              asOf.plusYears(1 + rnd.nextInt(5)),
              priority++,
              List.of(),
              share));
      shareLeftBp -= share;
    }
    if (goals.isEmpty() || rnd.nextInt(100) < 20) {
      int share = Math.max(500, shareLeftBp / 2);
      goals.add(
          goal(
              GoalKind.LEGACY,
              "Legacy",
              totalCents * 2,
              asOf.plusYears(20 + rnd.nextInt(20)),
              priority,
              List.of(),
              share));
    }
  }

  private Goal goal(
      GoalKind kind,
      String name,
      long amountCents,
      LocalDate date,
      int priority,
      List<AccountId> funding,
      int shareBp) {
    GlidePath.Builder path = GlidePath.builder();
    if (kind == GoalKind.EMERGENCY_RESERVE) {
      path.putSteps(0, profiles.allCash());
    } else {
      // the step that applies today is the household's own target: a household the firm already
      // manages sits near its plan; the other steps glide from there
      long years = java.time.temporal.ChronoUnit.YEARS.between(asOf, date);
      int now = years >= 10 ? 10 : years >= 5 ? 5 : 0;
      path.putSteps(0, now == 0 ? target : profiles.target(3))
          .putSteps(5, now == 5 ? target : profiles.target(2))
          .putSteps(
              10, now == 10 ? target : profiles.target(profile == Profiles.TAX_AWARE ? 1 : 0));
    }
    Goal.Builder g =
        Goal.builder()
            .id(GoalId.of("G-" + (goals.size() + 1)))
            .name(name)
            .kind(kind)
            .targetAmount(cents(amountCents))
            .targetDate(date)
            .priority(priority)
            .addAllFundingAccounts(funding)
            .glidePath(path.build());
    if (shareBp > 0) {
      g.fundingShare(Profiles.bp(shareBp));
    }
    return g.build();
  }

  private RestrictionId restrictionId() {
    return RestrictionId.of("R-" + (restrictions.size() + 1));
  }

  private void restrictions() {
    if (employer != null) {
      restrictions.add(
          new SecurityExclusion(
              restrictionId(),
              SecurityScope.issuer(employer),
              DateWindow.always(),
              "Employer policy: no purchases of " + employer));
      restrictions.add(
          new ConcentrationCap(
              restrictionId(),
              SecurityScope.issuer(employer),
              Profiles.bp(1_000 + 500 * rnd.nextInt(4)),
              DateWindow.always(),
              "Investment policy statement"));
      if (rnd.nextInt(100) < 40) {
        restrictions.add(
            new DoNotSell(
                restrictionId(),
                SecurityScope.security(employer),
                ImmutableSortedSet.of(),
                DateWindow.until(asOf.plusDays(30 + rnd.nextInt(900))),
                "Ten-year cliff on founder grant"));
      }
      if (rnd.nextInt(100) < 30) {
        LocalDate from = asOf.minusDays(rnd.nextInt(30));
        restrictions.add(
            new BlackoutWindow(
                restrictionId(),
                employer,
                DateWindow.between(from, asOf.plusDays(5 + rnd.nextInt(50))),
                "Insider trading policy: quarterly blackout"));
      }
      if (rnd.nextInt(100) < 20) {
        restrictions.add(
            new VolumeLimit(
                restrictionId(), employer, DateWindow.always(), "Rule 144 affiliate (officer)"));
      }
    }
    if (!lots.isEmpty() && rnd.nextInt(100) < 8) {
      TaxLot lot = lots.get(rnd.nextInt(lots.size()));
      restrictions.add(
          new LotPreference(
              restrictionId(),
              SecurityScope.security(lot.security().value()),
              asOf.minusYears(5),
              DateWindow.always(),
              "Hold low-basis lots for step-up"));
    }
    if (profile == Profiles.TAX_AWARE && rnd.nextInt(100) < 50) {
      restrictions.add(
          new AssetLocationPreference(
              restrictionId(),
              SecurityScope.assetClass(SecurityUniverse.MUNI_BONDS.value()),
              ImmutableSortedSet.of(TaxTreatment.TAX_DEFERRED, TaxTreatment.TAX_EXEMPT),
              new BigDecimal("25"),
              DateWindow.always(),
              "Munis belong in taxable accounts"));
    }
    if (accounts.size() > 1 && rnd.nextInt(100) < 3) {
      Account a = accounts.get(accounts.size() - 1);
      restrictions.add(
          new AccountFreeze(
              restrictionId(),
              a.id(),
              DateWindow.between(asOf.minusDays(10), asOf.plusDays(20)),
              "Pending transfer"));
    }
  }

  private void liquidityEvents() {
    if (rnd.nextInt(100) >= 30) {
      return;
    }
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      int kind = rnd.nextInt(3);
      LiquidityEvent.Builder e =
          LiquidityEvent.builder().id(LiquidityEventId.of("E-" + (events.size() + 1)));
      Account first = accounts.get(0);
      if (kind == 0) {
        e.kind(LiquidityKind.NEED)
            .firmness(Firmness.COMMITTED)
            .amount(cents(Math.max(1_000_000L, totalCents * (2 + rnd.nextInt(8)) / 100)))
            .date(asOf.plusDays(15 + rnd.nextInt(165)))
            .description("Tuition");
        if (first.tradable() && rnd.nextInt(2) == 0) {
          e.account(first.id());
        }
      } else if (kind == 1) {
        e.kind(LiquidityKind.INFLOW)
            .firmness(Firmness.EXPECTED)
            .amount(cents(20_000_000L + 100_000L * rnd.nextInt(18_000)))
            .date(asOf.plusDays(30 + rnd.nextInt(90)))
            .description("Home sale");
      } else {
        e.kind(LiquidityKind.GIFT)
            .firmness(Firmness.COMMITTED)
            .amount(cents(1_000_000L + 100_000L * rnd.nextInt(900)))
            .date(asOf.plusDays(10 + rnd.nextInt(200)))
            .description("Charitable gift");
      }
      events.add(e.build());
    }
  }

  private TaxProfile taxProfile() {
    Weight[] b = BRACKETS[rnd.nextInt(BRACKETS.length)];
    FilingStatus status =
        hasSpouse()
            ? (rnd.nextInt(100) < 90 ? FilingStatus.MARRIED_JOINT : FilingStatus.MARRIED_SEPARATE)
            : (rnd.nextInt(100) < 80 ? FilingStatus.SINGLE : FilingStatus.HEAD_OF_HOUSEHOLD);
    TaxProfile.Builder t =
        TaxProfile.builder()
            .filingStatus(status)
            .shortTermRate(b[0])
            .longTermRate(b[1])
            .niitRate(b[2])
            .stateRate(STATE_RATES[rnd.nextInt(STATE_RATES.length)])
            .shortTermCarryforward(cents(rnd.nextInt(100) < 20 ? 100_000L * rnd.nextInt(500) : 0))
            .longTermCarryforward(cents(rnd.nextInt(100) < 20 ? 100_000L * rnd.nextInt(500) : 0))
            .realizedShortTermYtd(cents(100_000L * (rnd.nextInt(300) - 100)))
            .realizedLongTermYtd(cents(100_000L * (rnd.nextInt(700) - 200)));
    if (rnd.nextInt(100) < 50) {
      t.annualGainBudget(cents(100_000L * (100 + rnd.nextInt(1_000))));
    }
    if (rnd.nextInt(100) < 20) {
      t.shortTermGainCap(cents(100_000L * (10 + rnd.nextInt(200))));
    }
    return t.build();
  }

  private static Money cents(long cents) {
    return Money.usd(BigDecimal.valueOf(cents, 2));
  }

  // ---- deliberate faults ----

  private void fault(int kind) {
    if (lots.size() < 2 && kind <= 4) {
      kind = 5;
    }
    switch (kind) {
      case 0:
        lots.set(
            0,
            withLot(
                lots.get(0),
                lots.get(0).id(),
                lots.get(0).account(),
                lots.get(0).security(),
                Quantity.ZERO,
                lots.get(0).costBasis(),
                lots.get(0).acquired()));
        break;
      case 1:
        lots.set(
            0,
            withLot(
                lots.get(0),
                lots.get(0).id(),
                lots.get(0).account(),
                lots.get(0).security(),
                lots.get(0).quantity(),
                lots.get(0).costBasis(),
                asOf.plusDays(5)));
        break;
      case 2:
        lots.set(
            0,
            withLot(
                lots.get(0),
                lots.get(0).id(),
                AccountId.of("GHOST-9"),
                lots.get(0).security(),
                lots.get(0).quantity(),
                lots.get(0).costBasis(),
                lots.get(0).acquired()));
        break;
      case 3:
        lots.set(
            0,
            withLot(
                lots.get(0),
                lots.get(0).id(),
                lots.get(0).account(),
                SecurityId.of("DELISTED1"),
                lots.get(0).quantity(),
                lots.get(0).costBasis(),
                lots.get(0).acquired()));
        break;
      case 4:
        lots.set(
            1,
            withLot(
                lots.get(1),
                lots.get(0).id(),
                lots.get(1).account(),
                lots.get(1).security(),
                lots.get(1).quantity(),
                lots.get(1).costBasis(),
                lots.get(1).acquired()));
        break;
      case 5:
        {
          TargetAllocation.Builder t = TargetAllocation.builder();
          boolean first = true;
          for (var e : target.classes().entrySet()) {
            ClassTarget c = e.getValue();
            t.putClasses(
                e.getKey(),
                first
                    ? new ClassTarget(
                        c.weight().plus(Profiles.bp(500)), c.absoluteBand(), c.relativeBand())
                    : c);
            first = false;
          }
          target = t.build();
          break;
        }
      case 6:
        restrictions.add(
            new BlackoutWindow(
                restrictionId(),
                "EMP1",
                DateWindow.between(asOf.plusDays(30), asOf.plusDays(10)),
                "Blackout keyed backwards"));
        break;
      case 7:
        lots.set(
            0,
            withLot(
                lots.get(0),
                lots.get(0).id(),
                lots.get(0).account(),
                lots.get(0).security(),
                lots.get(0).quantity(),
                Money.usd("-1.00"),
                lots.get(0).acquired()));
        break;
      case 8:
        transactions.add(
            Transaction.builder()
                .id(TransactionId.of("T-" + (transactions.size() + 1)))
                .account(accounts.get(0).id())
                .security(SecurityId.of("LCF1"))
                .side(Side.BUY)
                .tradeDate(asOf.plusDays(3))
                .quantity(Quantity.of(10))
                .amount(Money.usd("1000.00"))
                .build());
        break;
      case 9:
        goals.set(
            0,
            Goal.builder()
                .id(goals.get(0).id())
                .name(goals.get(0).name())
                .kind(goals.get(0).kind())
                .targetAmount(goals.get(0).targetAmount())
                .targetDate(asOf.minusDays(30))
                .priority(goals.get(0).priority())
                .addAllFundingAccounts(goals.get(0).fundingAccounts())
                .fundingShare(goals.get(0).fundingShare())
                .glidePath(goals.get(0).glidePath())
                .build());
        break;
      case 10:
        {
          Account a = accounts.get(0);
          accounts.set(
              0,
              Account.builder()
                  .id(a.id())
                  .addAllOwners(a.owners())
                  .type(a.type())
                  .custodian(a.custodian())
                  .cash(a.cash())
                  .cashFloor(a.cashFloor())
                  .heldAway(true)
                  .tradable(true)
                  .fractionalShares(a.fractionalShares())
                  .build());
          break;
        }
      default:
        {
          Account a = accounts.get(0);
          accounts.set(
              0,
              Account.builder()
                  .id(a.id())
                  .addAllOwners(a.owners())
                  .type(a.type())
                  .custodian(a.custodian())
                  .cash(Money.of(java.util.Currency.getInstance("EUR"), a.cash().amount()))
                  .heldAway(a.heldAway())
                  .tradable(a.tradable())
                  .fractionalShares(a.fractionalShares())
                  .build());
          break;
        }
    }
  }

  private static TaxLot withLot(
      TaxLot l,
      LotId id,
      AccountId account,
      SecurityId security,
      Quantity quantity,
      Money basis,
      LocalDate acquired) {
    return TaxLot.builder()
        .id(id)
        .account(account)
        .security(security)
        .quantity(quantity)
        .costBasis(basis)
        .acquired(acquired)
        .holdingPeriodStart(
            l.holdingPeriodStart().isAfter(acquired)
                ? acquired
                : l.holdingPeriodStart().equals(l.acquired()) ? acquired : l.holdingPeriodStart())
        .washSaleAdjustment(
            l.washSaleAdjustment().isNegative()
                ? Money.ZERO_USD
                : basis.isNegative() ? Money.ZERO_USD : l.washSaleAdjustment())
        .basisKnown(l.basisKnown())
        .build();
  }
}
