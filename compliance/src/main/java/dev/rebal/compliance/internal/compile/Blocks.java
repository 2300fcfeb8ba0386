package dev.rebal.compliance.internal.compile;

import com.google.common.collect.ImmutableList;
import dev.rebal.compliance.Provenance;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.restriction.AccountFreeze;
import dev.rebal.core.restriction.BlackoutWindow;
import dev.rebal.core.restriction.DoNotSell;
import dev.rebal.core.restriction.LotPreference;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.restriction.SecurityExclusion;
import dev.rebal.core.restriction.VolumeLimit;
import dev.rebal.core.security.Security;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What forbids buying or selling a position or selling a lot on the as-of date: the one place those
 * blocks are decided, for the full compile ({@link Compiler}) and for {@link
 * dev.rebal.compliance.TradePermissions}, which asks about a few positions only. Built once per
 * household and date; immutable after construction and thread-safe.
 */
final class Blocks {
  private final List<Restriction> active;
  private final SortedMap<AccountId, Account> accounts;
  private final Map<AccountId, ImmutableList<Provenance>> accountBlocks;

  /** Each account's blocks, distinct and sorted: what a position gets when nothing else blocks. */
  private final Map<AccountId, ImmutableList<Provenance>> accountBlocksDistinct;

  private final Map<String, List<Provenance>> issuerSellBlocks;

  Blocks(Household household, MarketData marketData, LocalDate asOf) {
    List<Restriction> inEffect = new ArrayList<>();
    for (Restriction r : household.restrictions()) {
      if (r.isInEffect(asOf)) {
        inEffect.add(r);
      }
    }
    inEffect.sort(Comparator.comparing(Restriction::id));
    this.active = List.copyOf(inEffect);
    SortedMap<AccountId, Account> byId = new TreeMap<>();
    Map<AccountId, ImmutableList<Provenance>> blocks = new TreeMap<>();
    for (Account a : household.accounts()) {
      byId.put(a.id(), a);
      List<Provenance> b = new ArrayList<>();
      if (a.heldAway()) {
        b.add(Compiler.HELD_AWAY);
      } else if (!a.tradable()) {
        b.add(Compiler.NOT_TRADABLE);
      }
      for (Restriction r : active) {
        if (r instanceof AccountFreeze && ((AccountFreeze) r).account().equals(a.id())) {
          b.add(Provenance.of(r));
        }
      }
      blocks.put(a.id(), ImmutableList.copyOf(b));
    }
    this.accounts = byId;
    this.accountBlocks = blocks;
    Map<AccountId, ImmutableList<Provenance>> distinctBlocks = new HashMap<>();
    blocks.forEach((id, b) -> distinctBlocks.put(id, distinct(b)));
    this.accountBlocksDistinct = distinctBlocks;
    // an issuer under a Rule 144 limit without volume data cannot be sold: the limit is unknown
    Map<String, List<Provenance>> issuers = new TreeMap<>();
    for (Restriction r : active) {
      if (r instanceof VolumeLimit && !hasVolumeData((VolumeLimit) r, marketData)) {
        issuers
            .computeIfAbsent(((VolumeLimit) r).issuer(), i -> new ArrayList<>())
            .add(Provenance.of(r));
      }
    }
    this.issuerSellBlocks = issuers;
  }

  /** Returns whether {@code limit}'s issuer has trading volume data to compute the limit from. */
  static boolean hasVolumeData(VolumeLimit limit, MarketData marketData) {
    return marketData.volumes().get(limit.issuer()) != null;
  }

  /** Restrictions in effect on the date, by id. */
  List<Restriction> active() {
    return active;
  }

  /** The household's accounts, by id. */
  SortedMap<AccountId, Account> accounts() {
    return accounts;
  }

  /** The blocks of a whole account (held away, not tradable, frozen); empty if none or unknown. */
  ImmutableList<Provenance> account(AccountId account) {
    return accountBlocks.getOrDefault(account, ImmutableList.of());
  }

  /** Why {@code s} may not be bought in {@code account}: account blocks, exclusions, blackouts. */
  ImmutableList<Provenance> buy(AccountId account, Security s) {
    List<Provenance> more = null;
    for (Restriction r : active) {
      if ((r instanceof SecurityExclusion && ((SecurityExclusion) r).scope().matches(s))
          || (r instanceof BlackoutWindow && ((BlackoutWindow) r).issuer().equals(s.issuer()))) {
        more = add(more, Provenance.of(r));
      }
    }
    return with(account, more);
  }

  /**
   * Why {@code s} may not be sold in {@code account}: account blocks, do-not-sell, blackouts and an
   * issuer's missing Rule 144 data.
   */
  ImmutableList<Provenance> sell(AccountId account, Security s) {
    List<Provenance> more = null;
    for (Restriction r : active) {
      if ((r instanceof DoNotSell && appliesTo((DoNotSell) r, account, s))
          || (r instanceof BlackoutWindow && ((BlackoutWindow) r).issuer().equals(s.issuer()))) {
        more = add(more, Provenance.of(r));
      }
    }
    for (Provenance p : issuerSellBlocks.getOrDefault(s.issuer(), List.of())) {
      more = add(more, p);
    }
    return with(account, more);
  }

  /** {@code list} with {@code p} added, created on the first addition. */
  private static List<Provenance> add(List<Provenance> list, Provenance p) {
    List<Provenance> out = list == null ? new ArrayList<>() : list;
    out.add(p);
    return out;
  }

  /** The account's blocks and {@code more} (none when null), distinct and sorted. */
  private ImmutableList<Provenance> with(AccountId account, List<Provenance> more) {
    if (more == null) {
      return accountBlocksDistinct.getOrDefault(account, ImmutableList.of());
    }
    List<Provenance> all = new ArrayList<>(account(account));
    all.addAll(more);
    return distinct(all);
  }

  /**
   * Why {@code lot} (of security {@code s}) may not be sold: its account's blocks, do-not-sell,
   * blackouts, a lot preference protecting it, and its issuer's missing Rule 144 data.
   */
  ImmutableList<Provenance> lot(TaxLot lot, Security s) {
    List<Provenance> more = null;
    for (Restriction r : active) {
      if ((r instanceof DoNotSell && appliesTo((DoNotSell) r, lot.account(), s))
          || (r instanceof BlackoutWindow && ((BlackoutWindow) r).issuer().equals(s.issuer()))
          || (r instanceof LotPreference && protects((LotPreference) r, lot, s))) {
        more = add(more, Provenance.of(r));
      }
    }
    for (Provenance p : issuerSellBlocks.getOrDefault(s.issuer(), List.of())) {
      more = add(more, p);
    }
    return with(lot.account(), more);
  }

  static boolean appliesTo(DoNotSell r, AccountId account, Security s) {
    return r.scope().matches(s) && (r.accounts().isEmpty() || r.accounts().contains(account));
  }

  static boolean protects(LotPreference r, TaxLot lot, Security s) {
    return r.scope().matches(s) && lot.acquired().isBefore(r.protectAcquiredBefore());
  }

  private static ImmutableList<Provenance> distinct(List<Provenance> values) {
    return ImmutableList.copyOf(new TreeSet<>(values));
  }
}
