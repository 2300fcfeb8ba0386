package dev.rebal.optimizer;

/** The holding period of a sell segment, which decides the tax rate and the short-term cap. */
public enum Term {
  /** Held one year or less: taxed at ordinary rates and counted against the short-term cap. */
  SHORT,
  /** Held more than one year. */
  LONG
}
