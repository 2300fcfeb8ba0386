package dev.rebal.optimizer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Linear programs of the optimizer's shape (docs/optimizer.md sections 4-6) at any size, built
 * directly rather than from a household: per sell segment a column with its capacity row, per
 * (account, class) a buy column, per class an over and an under column (and a removed-excess column
 * with its bound row when the class starts outside its interval) with two or three drift rows, per
 * account a cash row (some with a negative right-hand side, as when cash is below its floor), and a
 * gain-budget row. Values are scaled to a household value of one. Shared with rebal-benchmarks
 * through the test-jar.
 */
public final class LpShapes {
  /** Accounts of every shape. */
  public static final int ACCOUNTS = 8;

  /** Asset classes of every shape. */
  public static final int CLASSES = 6;

  private LpShapes() {}

  /**
   * Returns a program of {@code variables} variables (or within a few of it: the removed-excess
   * columns depend on the values drawn; at least the buy and drift columns), in tax-loss-harvest
   * form (losses have a negative cost) and drawn from {@code seed}.
   */
  public static LinearProgram household(int variables, long seed) {
    int buys = ACCOUNTS * CLASSES;
    int segments = Math.max(CLASSES, variables - buys - 3 * CLASSES);
    LinearProgram lp = household(segments, buys, seed);
    // the removed-excess columns depend on the drawn values: adjust the segments to the size asked
    for (int attempt = 0; attempt < 8 && lp.variables() != variables; attempt++) {
      segments = Math.max(CLASSES, segments + variables - lp.variables());
      lp = household(segments, buys, seed);
    }
    return lp;
  }

  private static LinearProgram household(int segments, int buys, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Double> cost = new ArrayList<>();
    List<int[]> idx = new ArrayList<>();
    List<double[]> val = new ArrayList<>();
    List<Double> rhs = new ArrayList<>();
    // sell segments: account, class, value, gain per dollar
    int[] account = new int[segments];
    int[] cls = new int[segments];
    double[] gain = new double[segments];
    double[] held = new double[CLASSES];
    double[] cap = new double[segments];
    double invested = 0.92;
    double[] raw = new double[segments];
    double sum = 0;
    for (int k = 0; k < segments; k++) {
      raw[k] = 0.2 + r.nextDouble();
      sum += raw[k];
    }
    for (int k = 0; k < segments; k++) {
      account[k] = r.nextInt(ACCOUNTS);
      cls[k] = r.nextInt(CLASSES);
      gain[k] = Math.round((r.nextDouble() - 0.35) * 40) / 40.0;
      cap[k] = raw[k] / sum * invested;
      held[cls[k]] += cap[k];
      double rate = r.nextBoolean() ? 0.15 : 0.37;
      cost.add(0.0010 + 0.0005 + rate * gain[k]);
      idx.add(new int[] {k});
      val.add(new double[] {1});
      rhs.add(cap[k]);
    }
    int firstBuy = segments;
    for (int b = 0; b < buys; b++) {
      cost.add(0.0015 + (r.nextInt(3) == 0 ? 0.002 : 0));
    }
    double[] target = new double[CLASSES];
    double t = 0;
    for (int c = 0; c < CLASSES; c++) {
      target[c] = 0.5 + r.nextDouble();
      t += target[c];
    }
    // drift columns and rows per class, interval target ± 3 points
    int column = segments + buys;
    List<int[]> driftIdx = new ArrayList<>();
    List<double[]> driftVal = new ArrayList<>();
    List<Double> driftRhs = new ArrayList<>();
    for (int c = 0; c < CLASSES; c++) {
      double up = target[c] / t + 0.03;
      double lo = target[c] / t - 0.03;
      double w = 1 + r.nextInt(2);
      int over = column++;
      int under = column++;
      cost.add(w);
      cost.add(w);
      List<Integer> ni = new ArrayList<>();
      List<Double> nv = new ArrayList<>();
      for (int k = 0; k < segments; k++) {
        if (cls[k] == c) {
          ni.add(k);
          nv.add(-1.0);
        }
      }
      for (int a = 0; a < ACCOUNTS; a++) {
        ni.add(firstBuy + a * CLASSES + c);
        nv.add(1.0);
      }
      double h = held[c];
      if (h > up || h < lo) {
        int removed = column++;
        cost.add(-w);
        double sign = h > up ? 1 : -1;
        // e + sign N - (over or under) <= 0, e <= excess, the other side as inside
        driftRow(driftIdx, driftVal, driftRhs, ni, nv, sign, removed, h > up ? over : under, 0);
        driftIdx.add(new int[] {removed});
        driftVal.add(new double[] {1});
        driftRhs.add(h > up ? h - up : lo - h);
        driftRow(
            driftIdx,
            driftVal,
            driftRhs,
            ni,
            nv,
            -sign,
            -1,
            h > up ? under : over,
            h > up ? h - lo : up - h);
      } else {
        driftRow(driftIdx, driftVal, driftRhs, ni, nv, 1, -1, over, up - h);
        driftRow(driftIdx, driftVal, driftRhs, ni, nv, -1, -1, under, h - lo);
      }
    }
    // cash rows: buys minus sells of the account; one in four accounts below its floor
    for (int a = 0; a < ACCOUNTS; a++) {
      List<Integer> ci = new ArrayList<>();
      List<Double> cv = new ArrayList<>();
      for (int k = 0; k < segments; k++) {
        if (account[k] == a) {
          ci.add(k);
          cv.add(-1.0);
        }
      }
      for (int c = 0; c < CLASSES; c++) {
        ci.add(firstBuy + a * CLASSES + c);
        cv.add(1.0);
      }
      idx.add(ci.stream().mapToInt(Integer::intValue).toArray());
      val.add(cv.stream().mapToDouble(Double::doubleValue).toArray());
      rhs.add(a % 4 == 3 ? -0.002 : (1 - invested) / ACCOUNTS);
    }
    // gain budget
    List<Integer> gi = new ArrayList<>();
    List<Double> gv = new ArrayList<>();
    for (int k = 0; k < segments; k++) {
      if (gain[k] != 0) {
        gi.add(k);
        gv.add(gain[k]);
      }
    }
    idx.add(gi.stream().mapToInt(Integer::intValue).toArray());
    val.add(gv.stream().mapToDouble(Double::doubleValue).toArray());
    rhs.add(0.002);
    idx.addAll(driftIdx);
    val.addAll(driftVal);
    rhs.addAll(driftRhs);
    double[] c = cost.stream().mapToDouble(Double::doubleValue).toArray();
    double[] b = rhs.stream().mapToDouble(Double::doubleValue).toArray();
    return new LinearProgram(c, idx.toArray(new int[0][]), val.toArray(new double[0][]), b);
  }

  /** Adds {@code sign · N + e − d ≤ b} ({@code e} left out when {@code removed < 0}). */
  private static void driftRow(
      List<int[]> idx,
      List<double[]> val,
      List<Double> rhs,
      List<Integer> ni,
      List<Double> nv,
      double sign,
      int removed,
      int drift,
      double b) {
    int size = ni.size() + (removed >= 0 ? 2 : 1);
    int[] i = new int[size];
    double[] v = new double[size];
    for (int p = 0; p < ni.size(); p++) {
      i[p] = ni.get(p);
      v[p] = sign * nv.get(p);
    }
    int p = ni.size();
    if (removed >= 0) {
      i[p] = removed;
      v[p++] = 1;
    }
    i[p] = drift;
    v[p] = -1;
    idx.add(i);
    val.add(v);
    rhs.add(b);
  }
}
