package dev.rebal.optimizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reduction 5 of docs/optimizer.md: per (account, asset class), only the cheapest sellable merged
 * segments get a column at first; after each solve, an (account, class) whose dropped segments are
 * not all dominated by a kept segment that is not sold in full gets more, and the LP is solved
 * again. Segments of capped securities are always kept (their cap row makes them differ from the
 * rest). Exact by the reduced-cost argument in the doc. Package-private; one per {@code solveLp},
 * kept while group directions change, so a re-solve starts from the segments the last one needed.
 */
final class SegmentPool {
  /** Segments kept per (account, class) at first beyond those that cover the useful sales. */
  static final int INITIAL = 4;

  /**
   * Multiple of its pro-rata share of the class excess that an (account, class) covers at first.
   */
  static final double NEED_FACTOR = 1.5;

  /** A kept segment counts as sold in full within this many scaled units. */
  static final double FILLED_TOLERANCE = 1e-9;

  private final Model m;
  private final List<List<int[]>>
      candidates; // per (account, class): {position, segment}, cheapest first
  private final int[] count;
  private final boolean[][] kept;

  SegmentPool(Model m) {
    this(m, false);
  }

  /**
   * Creates the pool; {@code minimalStart} keeps only {@link #INITIAL} segments per (account,
   * class) at first, so that tests exercise the pricing loop.
   */
  SegmentPool(Model m, boolean minimalStart) {
    this.m = m;
    int nc = m.classes.length;
    int groups = m.accountIds.length * nc;
    candidates = new ArrayList<>(groups);
    count = new int[groups];
    kept = new boolean[m.positions.length][];
    for (int g = 0; g < groups; g++) {
      candidates.add(new ArrayList<>());
    }
    for (int i = 0; i < m.positions.length; i++) {
      kept[i] = new boolean[m.segments[i].length];
      int s = m.positionSecurity[i];
      for (int k = 0; k < m.segments[i].length; k++) {
        // whatever the group's direction now: the pool is kept while directions change
        if (!m.canSell[i][k]) {
          continue;
        }
        if (!Double.isNaN(m.cap[s]) || m.saleLimited[s]) {
          kept[i][k] = true;
        } else {
          candidates.get(m.positionAccount[i] * nc + m.securityClass[s]).add(new int[] {i, k});
        }
      }
    }
    Comparator<int[]> order =
        Comparator.<int[]>comparingDouble(c -> m.unmatchedSellCost(c[0], c[1]))
            .thenComparingDouble(c -> m.segments[c[0]][c[1]].gain)
            .thenComparingInt(c -> c[0])
            .thenComparingInt(c -> c[1]);
    double[] accountClassValue = new double[groups];
    for (int i = 0; i < m.positions.length; i++) {
      int s = m.positionSecurity[i];
      accountClassValue[m.positionAccount[i] * nc + m.securityClass[s]] +=
          m.positions[i].held().value().doubleValue() * m.price[s];
    }
    for (int g = 0; g < groups; g++) {
      List<int[]> list = candidates.get(g);
      list.sort(order);
      // cover what the (account, class) could usefully sell: the class's excess over its lower
      // goal plus the account's cash shortfall, and every segment whose sale pays by itself
      int a = g / nc;
      int c = g % nc;
      double share = m.classValue[c] > 0 ? accountClassValue[g] / m.classValue[c] : 0;
      double need =
          NEED_FACTOR
                  * share
                  * (m.hasGoal[c] ? Math.max(0, m.classValue[c] - m.lower[c]) : m.classValue[c])
              + Math.max(0, m.floor[a] - m.cash[a]);
      // and what a goal bucket over this account needs sold in the class (section 5)
      for (int b = 0; b < m.buckets; b++) {
        if (m.bucketClass[b] == c && m.bucketShare[b][a] > 0) {
          need +=
              NEED_FACTOR
                  * Math.max(0, m.bucketClassValue[b] - m.bucketLower[b])
                  / m.bucketShare[b][a];
        }
      }
      double covered = 0;
      int n = 0;
      while (n < list.size()
          && (covered < need || m.unmatchedSellCost(list.get(n)[0], list.get(n)[1]) < 0)) {
        int[] x = list.get(n);
        covered +=
            m.segments[x[0]][x[1]].quantity.doubleValue() * m.price[m.positionSecurity[x[0]]];
        n++;
      }
      grow(g, minimalStart ? INITIAL : n + INITIAL);
    }
  }

  private void grow(int g, int to) {
    int n = Math.min(to, candidates.get(g).size());
    for (int p = count[g]; p < n; p++) {
      int[] c = candidates.get(g).get(p);
      kept[c[0]][c[1]] = true;
    }
    count[g] = Math.max(count[g], n);
  }

  /** Returns the mask of kept segments per position; not copied. */
  boolean[][] kept() {
    return kept;
  }

  /** Keeps every segment; returns whether anything changed. */
  boolean expandAll() {
    boolean changed = false;
    for (int g = 0; g < candidates.size(); g++) {
      if (count[g] < candidates.get(g).size()) {
        grow(g, candidates.get(g).size());
        changed = true;
      }
    }
    return changed;
  }

  /** Adds segments where the restricted optimum may not be optimal; returns whether any. */
  boolean expand(LpBuild b, double[] x) {
    boolean gainRow = !Double.isNaN(m.gainBudget);
    boolean stRow = !Double.isNaN(m.shortTermCap);
    boolean changed = false;
    for (int g = 0; g < candidates.size(); g++) {
      List<int[]> list = candidates.get(g);
      if (count[g] >= list.size()) {
        continue;
      }
      List<int[]> unfilled = new ArrayList<>();
      for (int p = 0; p < count[g]; p++) {
        int[] c = list.get(p);
        int col = b.sellColumn[c[0]][c[1]];
        double cap =
            m.segments[c[0]][c[1]].quantity.doubleValue()
                * m.price[m.positionSecurity[c[0]]]
                / m.value;
        if (col >= 0 && x[col] < cap - FILLED_TOLERANCE) {
          unfilled.add(c);
        }
      }
      boolean allDominated = !unfilled.isEmpty();
      for (int p = count[g]; p < list.size() && allDominated; p++) {
        int[] j = list.get(p);
        boolean dominated = false;
        for (int q = 0; q < unfilled.size() && !dominated; q++) {
          int[] i = unfilled.get(q);
          Model.Segment si = m.segments[i[0]][i[1]];
          Model.Segment sj = m.segments[j[0]][j[1]];
          dominated =
              m.unmatchedSellCost(i[0], i[1]) <= m.unmatchedSellCost(j[0], j[1])
                  && (!gainRow || si.gain <= sj.gain)
                  && (!stRow || st(si) <= st(sj));
        }
        allDominated = dominated;
      }
      if (!allDominated) {
        grow(g, Math.max(2 * count[g], count[g] + 8));
        changed = true;
      }
    }
    return changed;
  }

  private static double st(Model.Segment s) {
    return s.shortTerm ? s.gain : 0;
  }
}
