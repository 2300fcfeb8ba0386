package dev.rebal.core.internal;

import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import java.util.List;

/**
 * A household's lots by id: the first (or, as built, the last) lot of each id, found by {@link
 * #lot}. Built for the look-ups the validator and the compliance permissions make on every
 * household: one open-addressing array (linear probing, at most half full) instead of a hash map's
 * node per lot, and no copy of the id's hash. Not API: it may change in any release. Immutable
 * after construction and thread-safe.
 */
public final class LotTable {
  private final TaxLot[] slots;
  private final int mask;
  private final int distinct;

  private LotTable(List<TaxLot> lots, boolean keepLast) {
    int capacity = Integer.highestOneBit(Math.max(4, lots.size()) * 2 - 1) << 1;
    TaxLot[] table = new TaxLot[capacity];
    int m = capacity - 1;
    int count = 0;
    for (TaxLot lot : lots) {
      LotId id = lot.id();
      int i = spread(id.hashCode()) & m;
      while (true) {
        TaxLot at = table[i];
        if (at == null) {
          table[i] = lot;
          count++;
          break;
        }
        if (at.id() == id || at.id().equals(id)) {
          if (keepLast) {
            table[i] = lot;
          }
          break;
        }
        i = (i + 1) & m;
      }
    }
    this.slots = table;
    this.mask = m;
    this.distinct = count;
  }

  /** Returns the table of {@code lots}, in which each id finds its first lot. */
  public static LotTable of(List<TaxLot> lots) {
    return new LotTable(lots, false);
  }

  /**
   * Returns the table of {@code lots} in which each id finds its last lot, as a map filled with
   * {@code put} in list order would.
   */
  public static LotTable lastOf(List<TaxLot> lots) {
    return new LotTable(lots, true);
  }

  /** Returns the lot with {@code id} (the first or last of a repeated id, as built), or null. */
  public TaxLot lot(LotId id) {
    int i = spread(id.hashCode()) & mask;
    while (true) {
      TaxLot at = slots[i];
      if (at == null) {
        return null;
      }
      if (at.id() == id || at.id().equals(id)) {
        return at;
      }
      i = (i + 1) & mask;
    }
  }

  /** Returns how many distinct ids the lots have. */
  public int distinct() {
    return distinct;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }
}
