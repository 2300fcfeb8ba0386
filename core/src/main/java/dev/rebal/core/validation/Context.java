package dev.rebal.core.validation;

import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.Member;
import dev.rebal.core.household.MemberId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.internal.LotTable;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every checker reads: the household, the market data, the as-of date, the problems found so
 * far, and lookups built once. Lookups keep the first of duplicated ids (duplicates are reported
 * separately), so that a later check on a duplicated id is still answered.
 */
final class Context {
  final Household household;
  final MarketData market;
  final LocalDate asOf;
  final Problems problems;
  private final Map<AccountId, Account> accounts = new LinkedHashMap<>();
  private final LotTable lots;
  private final Set<MemberId> members = new HashSet<>();
  private Set<AssetClass> targetedClasses;
  private Set<AssetClass> modeledClasses;

  /** The allocations (target, glide-path steps) checked without a problem, by identity. */
  private final List<TargetAllocation> cleanAllocations = new ArrayList<>(4);

  Context(Household household, MarketData market, LocalDate asOf, Problems problems) {
    this.household = household;
    this.market = market;
    this.asOf = asOf;
    this.problems = problems;
    for (Account a : household.accounts()) {
      accounts.putIfAbsent(a.id(), a);
    }
    for (Member m : household.members()) {
      members.add(m.id());
    }
    lots = LotTable.of(household.lots());
  }

  /** Returns whether the static target or any goal's glide path has {@code assetClass}. */
  boolean isTargeted(AssetClass assetClass) {
    Set<AssetClass> targeted = targetedClasses;
    if (targeted == null) {
      // the target and the glide-path steps often share allocation instances: each added once
      targeted = new HashSet<>();
      List<TargetAllocation> added = new ArrayList<>();
      addClasses(targeted, added, household.target());
      for (dev.rebal.core.goal.Goal g : household.goals()) {
        for (TargetAllocation t : g.glidePath().steps().values()) {
          addClasses(targeted, added, t);
        }
      }
      targetedClasses = targeted;
    }
    return targeted.contains(assetClass);
  }

  private static void addClasses(
      Set<AssetClass> classes, List<TargetAllocation> added, TargetAllocation allocation) {
    for (int i = 0; i < added.size(); i++) {
      if (added.get(i) == allocation) {
        return;
      }
    }
    if (added.size() < 16) {
      added.add(allocation);
    }
    classes.addAll(allocation.classes().keySet());
  }

  /**
   * Returns whether the household's model lists a security for {@code assetClass} (asked for every
   * class of the target and of each glide-path step: the model's classes are hashed once).
   */
  boolean isModeled(AssetClass assetClass) {
    Set<AssetClass> modeled = modeledClasses;
    if (modeled == null) {
      modeled = new HashSet<>();
      for (Map.Entry<AssetClass, com.google.common.collect.ImmutableList<SecurityId>> e :
          household.model().securities().entrySet()) {
        if (!e.getValue().isEmpty()) {
          modeled.add(e.getKey());
        }
      }
      modeledClasses = modeled;
    }
    return modeled.contains(assetClass);
  }

  /** Returns whether this very allocation instance was checked without a problem. */
  boolean isCleanAllocation(TargetAllocation allocation) {
    for (int i = 0; i < cleanAllocations.size(); i++) {
      if (cleanAllocations.get(i) == allocation) {
        return true;
      }
    }
    return false;
  }

  /** Records that {@code allocation} was checked without a problem (the first 16 kept). */
  void addCleanAllocation(TargetAllocation allocation) {
    if (cleanAllocations.size() < 16) {
      cleanAllocations.add(allocation);
    }
  }

  /** Returns the account with {@code id}, if the household has one. */
  Optional<Account> account(AccountId id) {
    return Optional.ofNullable(accounts.get(id));
  }

  /** Returns whether the household has an account with {@code id}. */
  boolean hasAccount(AccountId id) {
    return accounts.containsKey(id);
  }

  /** Returns the lot with {@code id} (the first of duplicated ids), or null if there is none. */
  TaxLot lot(LotId id) {
    return lots.lot(id);
  }

  /** Returns how many distinct ids the household's accounts have. */
  int distinctAccounts() {
    return accounts.size();
  }

  /** Returns how many distinct ids the household's members have. */
  int distinctMembers() {
    return members.size();
  }

  /** Returns how many distinct ids the household's lots have. */
  int distinctLots() {
    return lots.distinct();
  }

  /** Returns whether the household has a member with {@code id}. */
  boolean hasMember(MemberId id) {
    return members.contains(id);
  }

  /** Returns the security with {@code id}, if the market data knows it. */
  Optional<Security> security(SecurityId id) {
    return market.findSecurity(id);
  }

  /** Returns whether some known security has {@code issuer}. */
  boolean hasIssuer(String issuer) {
    return market.issuers().contains(issuer);
  }

  /** Returns whether the asset class is known (from a security or the target). */
  boolean hasAssetClass(AssetClass assetClass) {
    return market.assetClasses().contains(assetClass)
        || household.target().classes().containsKey(assetClass);
  }

  /** Records a problem. */
  void add(Code code, Path path, Object value, String message) {
    problems.add(code, path, value, message);
  }
}
