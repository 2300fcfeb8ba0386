package dev.rebal.optimizer;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.SecurityId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything the optimizer needs about one household, in exact amounts.
 *
 * <p>The engine builds it from the household, the tax module (sell segments, wash-sale sets) and
 * the compliance module (eligibility, caps); the optimizer depends on neither. Build it with {@link
 * #builder()}; {@code build()} checks that positions, caps and goals refer to known accounts,
 * securities and classes, and that no pair appears twice. The order of the lists does not affect
 * the result. This class is immutable and thread-safe.
 */
public final class HouseholdProblem {
  private final List<ProblemAccount> accounts;
  private final List<ProblemSecurity> securities;
  private final List<ProblemPosition> positions;
  private final List<ClassGoal> classGoals;
  private final List<BucketGoal> bucketGoals;
  private final List<HoldingCap> holdingCaps;
  private final List<CashReserve> cashReserves;
  private final List<SaleLimit> saleLimits;
  private final List<LocationCost> locationCosts;
  private final Money expectedInflow;
  private final boolean harvestLosses;
  private final AssetClass cashClass;
  private final SortedSet<String> lossSaleBlockedGroups;
  private final SortedSet<String> buyBlockedGroups;
  private final SortedSet<AccountId> outsideRelocation;
  private final SortedSet<AccountId> cashApart;
  private final Money gainBudget;
  private final Money shortTermGainCap;
  private final Money turnoverCap;
  private final Money minTradeSize;
  private final RebalanceMode mode;
  private final ObjectiveWeights weights;

  private HouseholdProblem(Builder b) {
    this.accounts = List.copyOf(b.accounts);
    this.securities = List.copyOf(b.securities);
    this.positions = List.copyOf(b.positions);
    this.classGoals = List.copyOf(b.classGoals);
    this.bucketGoals = List.copyOf(b.bucketGoals);
    this.holdingCaps = List.copyOf(b.holdingCaps);
    this.cashReserves = List.copyOf(b.cashReserves);
    this.saleLimits = List.copyOf(b.saleLimits);
    this.locationCosts = List.copyOf(b.locationCosts);
    this.expectedInflow = b.expectedInflow;
    this.harvestLosses = b.harvestLosses;
    this.cashClass = b.cashClass;
    this.lossSaleBlockedGroups =
        java.util.Collections.unmodifiableSortedSet(new TreeSet<>(b.lossSaleBlockedGroups));
    this.buyBlockedGroups =
        java.util.Collections.unmodifiableSortedSet(new TreeSet<>(b.buyBlockedGroups));
    this.outsideRelocation =
        java.util.Collections.unmodifiableSortedSet(new TreeSet<>(b.outsideRelocation));
    this.cashApart = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(b.cashApart));
    this.gainBudget = b.gainBudget;
    this.shortTermGainCap = b.shortTermGainCap;
    this.turnoverCap = b.turnoverCap;
    this.minTradeSize = b.minTradeSize;
    this.mode = b.mode;
    this.weights = b.weights;
  }

  /** {@return a new builder: mode {@code TO_TARGET}, standard weights, no caps, no minimum} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this problem's values, to change some of them} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.accounts.addAll(accounts);
    b.securities.addAll(securities);
    b.positions.addAll(positions);
    b.classGoals.addAll(classGoals);
    b.bucketGoals.addAll(bucketGoals);
    b.holdingCaps.addAll(holdingCaps);
    b.cashReserves.addAll(cashReserves);
    b.locationCosts.addAll(locationCosts);
    b.saleLimits.addAll(saleLimits);
    b.expectedInflow = expectedInflow;
    b.harvestLosses = harvestLosses;
    b.cashClass = cashClass;
    b.lossSaleBlockedGroups.addAll(lossSaleBlockedGroups);
    b.outsideRelocation.addAll(outsideRelocation);
    b.cashApart.addAll(cashApart);
    b.buyBlockedGroups.addAll(buyBlockedGroups);
    b.gainBudget = gainBudget;
    b.shortTermGainCap = shortTermGainCap;
    b.turnoverCap = turnoverCap;
    b.minTradeSize = minTradeSize;
    b.mode = mode;
    b.weights = weights;
    return b;
  }

  /** {@return the accounts, in input order} */
  public List<ProblemAccount> accounts() {
    return accounts;
  }

  /** {@return the securities, in input order} */
  public List<ProblemSecurity> securities() {
    return securities;
  }

  /** {@return the (account, security) positions, in input order} */
  public List<ProblemPosition> positions() {
    return positions;
  }

  /** {@return the class goals} */
  public List<ClassGoal> classGoals() {
    return classGoals;
  }

  /**
   * {@return the goal-bucket class goals (empty unless the household has goals funded by accounts):
   * each adds drift rows over its bucket's accounts (docs/optimizer.md section 5)}
   */
  public List<BucketGoal> bucketGoals() {
    return bucketGoals;
  }

  /** {@return the household caps on security values} */
  public List<HoldingCap> holdingCaps() {
    return holdingCaps;
  }

  /**
   * {@return the cash reserves (committed needs, the cash goal) each account should hold above its
   * floor after trading: goals with a priority, not hard rows}
   */
  public List<CashReserve> cashReserves() {
    return cashReserves;
  }

  /**
   * {@return the asset-location costs per (account, class): paid on buys, earned back on sales
   * (none unless the household has accounts of different tax treatment)}
   */
  public List<LocationCost> locationCosts() {
    return locationCosts;
  }

  /** {@return the household-wide sale limits (control-person volume limits): hard rows} */
  public List<SaleLimit> saleLimits() {
    return saleLimits;
  }

  /**
   * {@return the cash expected to arrive within the horizon (announced inflows): it counts as value
   * that will be invested in the underweight classes, so the proposal does not sell now what the
   * inflow will rebalance}
   */
  public Money expectedInflow() {
    return expectedInflow;
  }

  /**
   * {@return whether losses in segments marked {@link SellSegment#harvestable()} are a benefit in
   * the objective (the tax trigger fired): harvesting and rebalancing then share one problem}
   */
  public boolean harvestLosses() {
    return harvestLosses;
  }

  /**
   * {@return the asset class account cash belongs to, when the problem has a goal for cash: every
   * sale adds to it, every buy takes from it, so cash above its goal is invested and cash below it
   * raised in whichever accounts cost least (docs/optimizer.md section 5)}
   */
  public Optional<AssetClass> cashClass() {
    return Optional.ofNullable(cashClass);
  }

  /** {@return wash-sale groups bought within 30 days: a loss in them may not be sold} */
  public SortedSet<String> lossSaleBlockedGroups() {
    return lossSaleBlockedGroups;
  }

  /** {@return wash-sale groups with a loss taken within 30 days: they may not be bought} */
  public SortedSet<String> buyBlockedGroups() {
    return buyBlockedGroups;
  }

  /**
   * {@return accounts whose sales earn no asset-location saving (a donor-advised fund, whose
   * holdings are the charity's): a class moves neither out of them nor into them to save the
   * household's tax, though their buys still pay their location cost (docs/optimizer.md, "Asset
   * location")}
   */
  public SortedSet<AccountId> outsideRelocation() {
    return outsideRelocation;
  }

  /**
   * {@return accounts whose cash is not the household's to spend (a donor-advised fund, whose cash
   * goes to charities): no proposal leaves one with more cash than it holds, beyond what its own
   * floor and needs ask, so the household's cash goal is met in accounts whose cash it can use
   * (docs/optimizer.md, "Asset location")}
   */
  public SortedSet<AccountId> cashApart() {
    return cashApart;
  }

  /** {@return the remaining net realised-gain budget for the year, if any} */
  public Optional<Money> gainBudget() {
    return Optional.ofNullable(gainBudget);
  }

  /** {@return the cap on net short-term gains realised by this proposal, if any} */
  public Optional<Money> shortTermGainCap() {
    return Optional.ofNullable(shortTermGainCap);
  }

  /** {@return the cap on buys plus sells, in dollars, if any} */
  public Optional<Money> turnoverCap() {
    return Optional.ofNullable(turnoverCap);
  }

  /** {@return the smallest trade worth placing; smaller rounded trades are dropped} */
  public Money minTradeSize() {
    return minTradeSize;
  }

  /** {@return the rebalancing mode} */
  public RebalanceMode mode() {
    return mode;
  }

  /** {@return the objective weights} */
  public ObjectiveWeights weights() {
    return weights;
  }

  /** A mutable builder of {@link HouseholdProblem}; not thread-safe. */
  public static final class Builder {
    private final List<ProblemAccount> accounts = new ArrayList<>();
    private final List<ProblemSecurity> securities = new ArrayList<>();
    private final List<ProblemPosition> positions = new ArrayList<>();
    private final List<ClassGoal> classGoals = new ArrayList<>();
    private final List<BucketGoal> bucketGoals = new ArrayList<>();
    private final List<HoldingCap> holdingCaps = new ArrayList<>();
    private final List<CashReserve> cashReserves = new ArrayList<>();
    private final List<SaleLimit> saleLimits = new ArrayList<>();
    private final List<LocationCost> locationCosts = new ArrayList<>();
    private Money expectedInflow = Money.ZERO_USD;
    private boolean harvestLosses;
    private AssetClass cashClass;
    private final Set<String> lossSaleBlockedGroups = new TreeSet<>();
    private final Set<AccountId> outsideRelocation = new TreeSet<>();
    private final Set<AccountId> cashApart = new TreeSet<>();
    private final Set<String> buyBlockedGroups = new TreeSet<>();
    private Money gainBudget;
    private Money shortTermGainCap;
    private Money turnoverCap;
    private Money minTradeSize = Money.ZERO_USD;
    private RebalanceMode mode = RebalanceMode.TO_TARGET;
    private ObjectiveWeights weights = ObjectiveWeights.standard();

    private Builder() {}

    /**
     * Adds an account.
     *
     * @param account the account
     * @return this builder
     */
    public Builder addAccount(ProblemAccount account) {
      accounts.add(Checks.notNull(account, "account"));
      return this;
    }

    /**
     * Adds a security.
     *
     * @param security the security
     * @return this builder
     */
    public Builder addSecurity(ProblemSecurity security) {
      securities.add(Checks.notNull(security, "security"));
      return this;
    }

    /**
     * Adds an (account, security) position.
     *
     * @param position the position
     * @return this builder
     */
    public Builder addPosition(ProblemPosition position) {
      positions.add(Checks.notNull(position, "position"));
      return this;
    }

    /**
     * Adds a class goal.
     *
     * @param goal the class goal
     * @return this builder
     */
    public Builder addClassGoal(ClassGoal goal) {
      classGoals.add(Checks.notNull(goal, "goal"));
      return this;
    }

    /**
     * Replaces the class goal of {@code goal}'s class, e.g. to price a variant of the problem.
     *
     * @param goal the class goal that replaces the one of its class
     * @return this builder
     * @throws IllegalArgumentException if the builder holds no goal of that class
     */
    public Builder replaceClassGoal(ClassGoal goal) {
      Checks.notNull(goal, "goal");
      for (int i = 0; i < classGoals.size(); i++) {
        if (classGoals.get(i).assetClass().equals(goal.assetClass())) {
          classGoals.set(i, goal);
          return this;
        }
      }
      throw new IllegalArgumentException(
          "goal.assetClass: no class goal of this class to replace, was " + goal.assetClass());
    }

    /**
     * Adds a goal bucket's class goal (one per bucket and class).
     *
     * @param goal the bucket's class goal
     * @return this builder
     */
    public Builder addBucketGoal(BucketGoal goal) {
      bucketGoals.add(Checks.notNull(goal, "goal"));
      return this;
    }

    /**
     * Adds a household cap on a security's value.
     *
     * @param cap the cap
     * @return this builder
     */
    public Builder addHoldingCap(HoldingCap cap) {
      holdingCaps.add(Checks.notNull(cap, "cap"));
      return this;
    }

    /**
     * Adds a cash reserve to hold above an account's floor.
     *
     * @param reserve the reserve
     * @return this builder
     */
    public Builder addCashReserve(CashReserve reserve) {
      cashReserves.add(Checks.notNull(reserve, "reserve"));
      return this;
    }

    /**
     * Adds an asset-location cost for one (account, class).
     *
     * @param cost the cost
     * @return this builder
     */
    public Builder addLocationCost(LocationCost cost) {
      locationCosts.add(Checks.notNull(cost, "cost"));
      return this;
    }

    /**
     * Adds a household-wide sale limit.
     *
     * @param limit the limit
     * @return this builder
     */
    public Builder addSaleLimit(SaleLimit limit) {
      saleLimits.add(Checks.notNull(limit, "limit"));
      return this;
    }

    /**
     * Sets the cash expected within the horizon, not negative (default zero).
     *
     * @param inflow the expected inflow
     * @return this builder
     */
    public Builder expectedInflow(Money inflow) {
      Checks.isTrue(
          !usd(inflow, "expectedInflow").isNegative(),
          "expectedInflow",
          inflow,
          "must not be negative");
      this.expectedInflow = inflow;
      return this;
    }

    /**
     * Sets the class account cash belongs to; it must have a class goal.
     *
     * @param cls the asset class of account cash
     * @return this builder
     */
    public Builder cashClass(AssetClass cls) {
      this.cashClass = Checks.notNull(cls, "cashClass");
      return this;
    }

    /**
     * Sets whether harvestable losses are a benefit in the objective (default false).
     *
     * @param harvest whether harvestable losses are a benefit
     * @return this builder
     */
    public Builder harvestLosses(boolean harvest) {
      this.harvestLosses = harvest;
      return this;
    }

    /**
     * Marks a wash-sale group whose losses may not be sold (bought within 30 days).
     *
     * @param group the wash-sale group
     * @return this builder
     */
    public Builder blockLossSale(String group) {
      lossSaleBlockedGroups.add(Checks.notBlank(group, "group"));
      return this;
    }

    /**
     * Marks an account whose sales earn no asset-location saving ({@link #outsideRelocation()}).
     *
     * @param account the account
     * @return this builder
     */
    public Builder outsideRelocation(AccountId account) {
      outsideRelocation.add(Checks.notNull(account, "account"));
      return this;
    }

    /**
     * Marks an account whose cash is not the household's to spend ({@link #cashApart()}).
     *
     * @param account the account
     * @return this builder
     */
    public Builder cashApart(AccountId account) {
      cashApart.add(Checks.notNull(account, "account"));
      return this;
    }

    /**
     * Marks a wash-sale group that may not be bought (a loss taken within 30 days).
     *
     * @param group the wash-sale group
     * @return this builder
     */
    public Builder blockBuy(String group) {
      buyBlockedGroups.add(Checks.notBlank(group, "group"));
      return this;
    }

    /**
     * Sets the remaining net realised-gain budget (may be negative: losses must be realised).
     *
     * @param budget the remaining budget
     * @return this builder
     */
    public Builder gainBudget(Money budget) {
      this.gainBudget = usd(budget, "gainBudget");
      return this;
    }

    /**
     * Sets the cap on net short-term gains.
     *
     * @param cap the cap
     * @return this builder
     */
    public Builder shortTermGainCap(Money cap) {
      this.shortTermGainCap = usd(cap, "shortTermGainCap");
      return this;
    }

    /**
     * Sets the turnover cap (buys plus sells), not negative.
     *
     * @param cap the cap
     * @return this builder
     */
    public Builder turnoverCap(Money cap) {
      Checks.isTrue(
          !usd(cap, "turnoverCap").isNegative(), "turnoverCap", cap, "must not be negative");
      this.turnoverCap = cap;
      return this;
    }

    /**
     * Sets the minimum trade size, not negative.
     *
     * @param min the minimum trade value
     * @return this builder
     */
    public Builder minTradeSize(Money min) {
      Checks.isTrue(
          !usd(min, "minTradeSize").isNegative(), "minTradeSize", min, "must not be negative");
      this.minTradeSize = min;
      return this;
    }

    /**
     * Sets the mode.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder mode(RebalanceMode mode) {
      this.mode = Checks.notNull(mode, "mode");
      return this;
    }

    /**
     * Sets the objective weights.
     *
     * @param weights the weights
     * @return this builder
     */
    public Builder weights(ObjectiveWeights weights) {
      this.weights = Checks.notNull(weights, "weights");
      return this;
    }

    private static Money usd(Money m, String name) {
      Checks.isTrue(Checks.notNull(m, name).isUsd(), name, m, "must be in USD");
      return m;
    }

    /**
     * {@return the problem}
     *
     * @throws IllegalArgumentException naming the first reference to an unknown account, security
     *     or class, or a duplicate id, pair or (bucket, class)
     */
    public HouseholdProblem build() {
      Set<AccountId> accountIds = new HashSet<>();
      for (ProblemAccount a : accounts) {
        Checks.isTrue(accountIds.add(a.id()), "accounts", a.id(), "must not repeat an id");
      }
      Set<SecurityId> securityIds = new HashSet<>();
      Set<AssetClass> classes = new HashSet<>();
      for (ProblemSecurity s : securities) {
        Checks.isTrue(securityIds.add(s.id()), "securities", s.id(), "must not repeat an id");
        classes.add(s.assetClass());
      }
      Set<String> pairs = new HashSet<>();
      for (int i = 0; i < positions.size(); i++) {
        ProblemPosition p = positions.get(i);
        // the checks in order; paths and messages are built only on failure
        if (!accountIds.contains(p.account())) {
          Checks.isTrue(
              false, "positions[" + i + "].account", p.account(), "must be a known account");
        }
        if (!securityIds.contains(p.security())) {
          Checks.isTrue(
              false, "positions[" + i + "].security", p.security(), "must be a known security");
        }
        if (!pairs.add(p.account().value() + "\u0000" + p.security().value())) {
          Checks.isTrue(
              false,
              "positions[" + i + "]",
              p.account() + "/" + p.security(),
              "must not repeat a pair");
        }
      }
      Set<AssetClass> goalClasses = new HashSet<>();
      for (ClassGoal g : classGoals) {
        Checks.isTrue(
            goalClasses.add(g.assetClass()),
            "classGoals",
            g.assetClass(),
            "must not repeat a class");
      }
      Set<String> bucketClasses = new HashSet<>();
      for (BucketGoal g : bucketGoals) {
        Checks.isTrue(
            bucketClasses.add(g.bucket() + "\u0000" + g.assetClass().value()),
            "bucketGoals",
            g.bucket() + "/" + g.assetClass(),
            "must not repeat a (bucket, class)");
        for (AccountId a : g.accountShares().keySet()) {
          Checks.isTrue(
              accountIds.contains(a),
              "bucketGoals[" + g.bucket() + "].accountShares",
              a,
              "must be a known account");
        }
      }
      if (cashClass != null) {
        Checks.isTrue(
            goalClasses.contains(cashClass), "cashClass", cashClass, "must have a class goal");
      }
      Set<SecurityId> capped = new HashSet<>();
      for (HoldingCap c : holdingCaps) {
        Checks.isTrue(
            securityIds.contains(c.security()),
            "holdingCaps.security",
            c.security(),
            "must be a known security");
        Checks.isTrue(
            capped.add(c.security()), "holdingCaps", c.security(), "must not repeat a security");
      }
      for (CashReserve r : cashReserves) {
        Checks.isTrue(
            accountIds.contains(r.account()),
            "cashReserves[" + r.id() + "].account",
            r.account(),
            "must be a known account");
      }
      Set<String> located = new HashSet<>();
      for (LocationCost c : locationCosts) {
        Checks.isTrue(
            accountIds.contains(c.account()),
            "locationCosts.account",
            c.account(),
            "must be a known account");
        Checks.isTrue(
            located.add(c.account().value() + "\u0000" + c.assetClass().value()),
            "locationCosts",
            c.account() + "/" + c.assetClass(),
            "must not repeat an (account, class)");
      }
      for (SaleLimit l : saleLimits) {
        for (SecurityId s : l.securities()) {
          Checks.isTrue(
              securityIds.contains(s),
              "saleLimits[" + l.id() + "].securities",
              s,
              "must be a known security");
        }
      }
      return new HouseholdProblem(this);
    }
  }
}
