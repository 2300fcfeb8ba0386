package dev.rebal.core.restriction;

/** What a {@link SecurityScope} names. */
public enum ScopeType {
  /** One security, by id. */
  SECURITY,
  /** Every security of one issuer. */
  ISSUER,
  /** Every security of one asset class. */
  ASSET_CLASS
}
