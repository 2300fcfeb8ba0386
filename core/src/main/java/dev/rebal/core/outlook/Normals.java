package dev.rebal.core.outlook;

/**
 * Seeded standard normal numbers for the outlook's paths, reproducible on every JVM.
 *
 * <p>Uniforms come from SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014): a 64-bit counter advanced by the golden-ratio increment and mixed by
 * the finalizer of that paper; path {@code p} starts from the mixed value of {@code seed + p * G},
 * so path p's numbers do not depend on how many paths are run, and number i of a path is the
 * stream's output at position i + 1, drawn directly (a counter-based generator), so a path's
 * numbers do not depend on which others are drawn. A uniform in (0, 1) takes the top 53 bits plus
 * one half. Normals are the inverse normal CDF of the uniforms, by P. J. Acklam's rational
 * approximation (relative error below 1.15e-9): a central region, {@code 0.02425 <= u <= 0.97575},
 * and two tails through {@code sqrt(-2 ln u)}. Inversion keeps the order of the uniforms, and it
 * uses only {@link StrictMath} and arithmetic, so the numbers are bit-for-bit the same everywhere.
 *
 * <p>Instances are mutable and not thread-safe: each simulation owns one.
 */
final class Normals {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final double TWO_TO_MINUS_53 = 0x1.0p-53;
  private static final double P_LOW = 0.02425;
  private static final double P_HIGH = 1 - P_LOW;
  // Acklam's coefficients
  private static final double A1 = -3.969683028665376e+01;
  private static final double A2 = 2.209460984245205e+02;
  private static final double A3 = -2.759285104469687e+02;
  private static final double A4 = 1.383577518672690e+02;
  private static final double A5 = -3.066479806614716e+01;
  private static final double A6 = 2.506628277459239e+00;
  private static final double B1 = -5.447609879822406e+01;
  private static final double B2 = 1.615858368580409e+02;
  private static final double B3 = -1.556989798598866e+02;
  private static final double B4 = 6.680131188771972e+01;
  private static final double B5 = -1.328068155288572e+01;
  private static final double C1 = -7.784894002430293e-03;
  private static final double C2 = -3.223964580411365e-01;
  private static final double C3 = -2.400758277161838e+00;
  private static final double C4 = -2.549732539343734e+00;
  private static final double C5 = 4.374664141464968e+00;
  private static final double C6 = 2.938163982698783e+00;
  private static final double D1 = 7.784695709041462e-03;
  private static final double D2 = 3.224671290700398e-01;
  private static final double D3 = 2.445134137142996e+00;
  private static final double D4 = 3.754408661907416e+00;

  private final long seed;
  private long state;

  Normals(long seed) {
    this.seed = seed;
  }

  /** Starts path {@code path}'s stream: its state is the mixed value of {@code seed + path * G}. */
  void startPath(int path) {
    state = mix(seed + path * GOLDEN);
  }

  /**
   * Returns the current path's standard normal number {@code i}: the inverse CDF of the path's
   * SplitMix64 output at position {@code i + 1}, so any number can be drawn without the others.
   */
  double at(int i) {
    double u = ((mix(state + (i + 1L) * GOLDEN) >>> 11) + 0.5) * TWO_TO_MINUS_53;
    return inverseCdf(u);
  }

  /** Returns the standard normal quantile of {@code u}, in (0, 1). */
  static double inverseCdf(double u) {
    if (u < P_LOW) {
      double q = StrictMath.sqrt(-2 * StrictMath.log(u));
      return (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6)
          / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
    }
    if (u > P_HIGH) {
      double q = StrictMath.sqrt(-2 * StrictMath.log(1 - u));
      return -(((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6)
          / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
    }
    double q = u - 0.5;
    double r = q * q;
    return (((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6)
        * q
        / (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1);
  }

  /** The SplitMix64 finalizer. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
