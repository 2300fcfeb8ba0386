package dev.rebal.compliance;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.security.SecurityId;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A household's restrictions compiled, on one as-of date, into constraints an optimizer consumes.
 *
 * <p>Every bound and block carries its {@link Provenance}. There is an entry for every account, for
 * every (account, security) pair of the security master and the household's holdings, and for every
 * lot; lists are in a deterministic order (accounts by id, positions by account then security, lots
 * by id, caps and sale limits by restriction id, conflicts by kind then subject), and the {@code
 * find}/{@code lookup} methods give keyed access. Household-level limits:
 *
 * <ul>
 *   <li>{@link #caps()}: concentration caps as money, held-away positions included on both sides;
 *   <li>{@link #saleLimits()}: Rule 144 volume limits as shares, over all accounts;
 *   <li>{@link #washSaleGroups()}: no group may be both bought and sold in one proposal;
 *   <li>{@link #penalties()}: soft asset-location penalties for the objective.
 * </ul>
 *
 * <p>A proposal that stays inside all of these passes {@link TradeVerifier}. This class is
 * immutable and thread-safe.
 *
 * @since 0.1
 */
public final class TradeConstraints implements TradePermissions {
  /** The order of {@link #positions()}, which compares exactly their key. */
  private static final Comparator<PositionConstraints> POSITION_ORDER =
      (a, b) -> {
        int c = a.account().compareTo(b.account());
        return c != 0 ? c : a.security().compareTo(b.security());
      };

  /** The order of {@link #lots()}, which compares exactly their key. */
  private static final Comparator<LotConstraints> LOT_ORDER = (a, b) -> a.lot().compareTo(b.lot());

  private final LocalDate asOf;
  private final ComplianceParameters parameters;
  private final ImmutableList<AccountConstraints> accounts;
  private final ImmutableList<PositionConstraints> positions;
  private final ImmutableList<LotConstraints> lots;
  private final ImmutableList<ConcentrationLimit> caps;
  private final ImmutableList<IssuerSaleLimit> saleLimits;
  private final ImmutableSortedMap<String, ImmutableSortedSet<SecurityId>> washSaleGroups;
  private final ImmutableList<LocationPenalty> penalties;
  private final ImmutableList<Conflict> conflicts;
  private final ImmutableMap<AccountId, AccountConstraints> accountIndex;

  private TradeConstraints(
      LocalDate asOf,
      ComplianceParameters parameters,
      List<AccountConstraints> accounts,
      List<PositionConstraints> positions,
      List<LotConstraints> lots,
      List<ConcentrationLimit> caps,
      List<IssuerSaleLimit> saleLimits,
      Map<String, ? extends Set<SecurityId>> washSaleGroups,
      List<LocationPenalty> penalties,
      List<Conflict> conflicts) {
    this.asOf = Checks.notNull(asOf, "asOf");
    this.parameters = Checks.notNull(parameters, "parameters");
    this.accounts = sorted(accounts, "accounts", Comparator.comparing(AccountConstraints::account));
    // the compiler gives positions and lots in order, with unique keys: one pass finds that out
    // and then neither the sort nor the uniqueness check below has anything to do
    boolean positionsStrict =
        strictlyAscending(Checks.noNulls(positions, "positions"), POSITION_ORDER);
    this.positions =
        positionsStrict
            ? ImmutableList.copyOf(positions)
            : sorted(positions, "positions", POSITION_ORDER);
    boolean lotsStrict = strictlyAscending(Checks.noNulls(lots, "lots"), LOT_ORDER);
    this.lots = lotsStrict ? ImmutableList.copyOf(lots) : sorted(lots, "lots", LOT_ORDER);
    this.caps = sorted(caps, "caps", Comparator.comparing(ConcentrationLimit::provenance));
    this.saleLimits =
        sorted(saleLimits, "saleLimits", Comparator.comparing(IssuerSaleLimit::provenance));
    ImmutableSortedMap.Builder<String, ImmutableSortedSet<SecurityId>> groups =
        ImmutableSortedMap.naturalOrder();
    Checks.notNull(washSaleGroups, "washSaleGroups")
        .forEach((group, members) -> groups.put(group, ImmutableSortedSet.copyOf(members)));
    this.washSaleGroups = groups.buildOrThrow();
    this.penalties =
        sorted(
            penalties,
            "penalties",
            Comparator.comparing(LocationPenalty::account)
                .thenComparing(LocationPenalty::security)
                .thenComparing(LocationPenalty::provenance));
    this.conflicts =
        sorted(
            conflicts,
            "conflicts",
            Comparator.comparing(Conflict::kind).thenComparing(Conflict::subject));
    this.accountIndex = index(this.accounts, AccountConstraints::account);
    // positions and lots are found by binary search in their sorted lists (no hash index to build
    // per compile); a repeated key fails here as the hash index always did
    if (!positionsStrict) {
      requireUniqueKeys(
          this.positions, POSITION_ORDER, p -> new PositionKey(p.account(), p.security()));
    }
    if (!lotsStrict) {
      requireUniqueKeys(this.lots, LOT_ORDER, LotConstraints::lot);
    }
  }

  /**
   * Whether each value comes strictly after the one before it: then the list is its own sorted copy
   * (the sort is stable) and its keys are unique.
   */
  private static <T> boolean strictlyAscending(List<T> values, Comparator<T> order) {
    for (int i = 1; i < values.size(); i++) {
      if (order.compare(values.get(i - 1), values.get(i)) >= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@return compiled constraints; the lists are copied and sorted into the documented order}
   *
   * @param asOf the as-of date
   * @param parameters the parameters compiled with
   * @param accounts the constraints per account
   * @param positions the constraints per (account, security) position
   * @param lots the constraints per lot
   * @param caps the household concentration caps
   * @param saleLimits the issuer sale limits (Rule 144)
   * @param washSaleGroups the securities of each wash-sale group, by group
   * @param penalties the asset-location penalties
   * @param conflicts the conflicts found while compiling
   * @throws IllegalArgumentException if anything is null or a key (account, position, lot) repeats
   */
  public static TradeConstraints of(
      LocalDate asOf,
      ComplianceParameters parameters,
      List<AccountConstraints> accounts,
      List<PositionConstraints> positions,
      List<LotConstraints> lots,
      List<ConcentrationLimit> caps,
      List<IssuerSaleLimit> saleLimits,
      Map<String, ? extends Set<SecurityId>> washSaleGroups,
      List<LocationPenalty> penalties,
      List<Conflict> conflicts) {
    return new TradeConstraints(
        asOf,
        parameters,
        accounts,
        positions,
        lots,
        caps,
        saleLimits,
        washSaleGroups,
        penalties,
        conflicts);
  }

  private static <T> ImmutableList<T> sorted(List<T> values, String name, Comparator<T> order) {
    return ImmutableList.sortedCopyOf(order, Checks.noNulls(values, name));
  }

  /**
   * Throws what {@link #index} throws if two adjacent values of the {@code sorted} list have the
   * same key ({@code order} compares exactly the key).
   */
  private static <K, V> void requireUniqueKeys(
      List<V> sorted, Comparator<V> order, Function<V, K> key) {
    for (int i = 1; i < sorted.size(); i++) {
      if (order.compare(sorted.get(i - 1), sorted.get(i)) == 0) {
        index(sorted, key);
        return;
      }
    }
  }

  private static <K, V> ImmutableMap<K, V> index(List<V> values, Function<V, K> key) {
    ImmutableMap.Builder<K, V> b = ImmutableMap.builder();
    for (V v : values) {
      b.put(key.apply(v), v);
    }
    try {
      return b.buildOrThrow();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("constraints: keys must be unique, " + e.getMessage(), e);
    }
  }

  /** {@return the as-of date the restrictions were evaluated on} */
  public LocalDate asOf() {
    return asOf;
  }

  /** {@return the hygiene parameters used} */
  public ComplianceParameters parameters() {
    return parameters;
  }

  /** {@return the constraints of every account, by account id} */
  public ImmutableList<AccountConstraints> accounts() {
    return accounts;
  }

  /** {@return the constraints of every (account, security) pair, by account then security} */
  public ImmutableList<PositionConstraints> positions() {
    return positions;
  }

  /** {@return the constraints of every lot, by lot id} */
  public ImmutableList<LotConstraints> lots() {
    return lots;
  }

  /** {@return the concentration caps in effect, by restriction id} */
  public ImmutableList<ConcentrationLimit> caps() {
    return caps;
  }

  /** {@return the Rule 144 sale limits in effect, by restriction id} */
  public ImmutableList<IssuerSaleLimit> saleLimits() {
    return saleLimits;
  }

  /**
   * {@return the wash-sale groups of the known securities: within one group a proposal may buy or
   * sell, but not both}
   */
  public ImmutableSortedMap<String, ImmutableSortedSet<SecurityId>> washSaleGroups() {
    return washSaleGroups;
  }

  /** {@return the soft asset-location penalties, by account, security, then provenance} */
  public ImmutableList<LocationPenalty> penalties() {
    return penalties;
  }

  /** {@return the conflicts found; non-empty means the household goes to review} */
  public ImmutableList<Conflict> conflicts() {
    return conflicts;
  }

  /** {@return whether any conflict was found} */
  public boolean hasConflicts() {
    return !conflicts.isEmpty();
  }

  /**
   * {@return the constraints of {@code account}, if it belongs to the household}
   *
   * @param account the account
   */
  public Optional<AccountConstraints> findAccount(AccountId account) {
    return Optional.ofNullable(accountIndex.get(Checks.notNull(account, "account")));
  }

  /**
   * {@return the constraints of {@code account}}
   *
   * @param account the account
   * @throws NoSuchElementException naming the account if it is not the household's
   */
  public AccountConstraints lookupAccount(AccountId account) {
    return findAccount(account)
        .orElseThrow(
            () -> new NoSuchElementException("accounts[" + account + "]: unknown account"));
  }

  /**
   * {@return the constraints of {@code security} in {@code account}, if both are known}
   *
   * @param account the account
   * @param security the security
   */
  public Optional<PositionConstraints> findPosition(AccountId account, SecurityId security) {
    Checks.notNull(account, "account");
    Checks.notNull(security, "security");
    int low = 0;
    int high = positions.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      PositionConstraints p = positions.get(mid);
      int c = p.account().compareTo(account);
      if (c == 0) {
        c = p.security().compareTo(security);
      }
      if (c < 0) {
        low = mid + 1;
      } else if (c > 0) {
        high = mid - 1;
      } else {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * {@return the constraints of {@code security} in {@code account}}
   *
   * @param account the account
   * @param security the security
   * @throws NoSuchElementException naming both if the account or the security is unknown
   */
  public PositionConstraints lookupPosition(AccountId account, SecurityId security) {
    return findPosition(account, security)
        .orElseThrow(
            () ->
                new NoSuchElementException(
                    "positions[" + account + "/" + security + "]: unknown account or security"));
  }

  @Override
  public boolean mayBuy(AccountId account, SecurityId security) {
    return findPosition(account, security).map(PositionConstraints::mayBuy).orElse(false);
  }

  @Override
  public boolean maySell(AccountId account, SecurityId security) {
    return findPosition(account, security).map(PositionConstraints::maySell).orElse(false);
  }

  @Override
  public boolean maySellLot(LotId lot) {
    return findLot(lot).map(LotConstraints::maySell).orElse(false);
  }

  /**
   * {@return the constraints of {@code lot}, if the household holds it}
   *
   * @param lot the lot
   */
  public Optional<LotConstraints> findLot(LotId lot) {
    Checks.notNull(lot, "lot");
    int low = 0;
    int high = lots.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      LotConstraints l = lots.get(mid);
      int c = l.lot().compareTo(lot);
      if (c < 0) {
        low = mid + 1;
      } else if (c > 0) {
        high = mid - 1;
      } else {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  /**
   * {@return the constraints of {@code lot}}
   *
   * @param lot the lot
   * @throws NoSuchElementException naming the lot if the household does not hold it
   */
  public LotConstraints lookupLot(LotId lot) {
    return findLot(lot)
        .orElseThrow(() -> new NoSuchElementException("lots[" + lot + "]: unknown lot"));
  }

  /**
   * {@return the wash-sale group of {@code security}, if it is known}
   *
   * @param security the security
   */
  public Optional<String> findWashSaleGroup(SecurityId security) {
    Checks.notNull(security, "security");
    for (Map.Entry<String, ImmutableSortedSet<SecurityId>> e : washSaleGroups.entrySet()) {
      if (e.getValue().contains(security)) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TradeConstraints)) {
      return false;
    }
    TradeConstraints t = (TradeConstraints) o;
    return asOf.equals(t.asOf)
        && parameters.equals(t.parameters)
        && accounts.equals(t.accounts)
        && positions.equals(t.positions)
        && lots.equals(t.lots)
        && caps.equals(t.caps)
        && saleLimits.equals(t.saleLimits)
        && washSaleGroups.equals(t.washSaleGroups)
        && penalties.equals(t.penalties)
        && conflicts.equals(t.conflicts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        asOf,
        parameters,
        accounts,
        positions,
        lots,
        caps,
        saleLimits,
        washSaleGroups,
        penalties,
        conflicts);
  }

  /** Returns a short summary: as-of date and counts. */
  @Override
  public String toString() {
    return "TradeConstraints{asOf="
        + asOf
        + ", accounts="
        + accounts.size()
        + ", positions="
        + positions.size()
        + ", lots="
        + lots.size()
        + ", caps="
        + caps.size()
        + ", saleLimits="
        + saleLimits.size()
        + ", conflicts="
        + conflicts.size()
        + "}";
  }

  private record PositionKey(AccountId account, SecurityId security) {}
}
