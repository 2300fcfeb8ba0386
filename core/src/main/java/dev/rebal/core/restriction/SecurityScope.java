package dev.rebal.core.restriction;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.security.Security;

/**
 * The securities a restriction applies to: one security, an issuer, or a whole asset class. This
 * record is immutable and thread-safe.
 *
 * @param type what {@code value} names
 * @param value a security id, an issuer id or an asset class code
 */
public record SecurityScope(ScopeType type, String value) {
  /**
   * Checks that both components are present.
   *
   * @param type what {@code value} names
   * @param value a security id, an issuer id or an asset class code
   */
  public SecurityScope {
    Checks.notNull(type, "type");
    Checks.notBlank(value, "value");
  }

  /**
   * {@return the scope of one security}
   *
   * @param securityId the security's id
   */
  public static SecurityScope security(String securityId) {
    return new SecurityScope(ScopeType.SECURITY, securityId);
  }

  /**
   * {@return the scope of every security of an issuer}
   *
   * @param issuer the issuer
   */
  public static SecurityScope issuer(String issuer) {
    return new SecurityScope(ScopeType.ISSUER, issuer);
  }

  /**
   * {@return the scope of every security of an asset class}
   *
   * @param assetClass the asset class
   */
  public static SecurityScope assetClass(String assetClass) {
    return new SecurityScope(ScopeType.ASSET_CLASS, assetClass);
  }

  /**
   * {@return whether {@code security} is in this scope}
   *
   * @param security the security
   */
  public boolean matches(Security security) {
    Checks.notNull(security, "security");
    switch (type) {
      case SECURITY:
        return security.id().value().equals(value);
      case ISSUER:
        return security.issuer().equals(value);
      case ASSET_CLASS:
        return security.assetClass().value().equals(value);
      default:
        throw new IllegalStateException("unknown scope type " + type);
    }
  }

  /** Returns e.g. {@code ISSUER:ACME}. */
  @Override
  public String toString() {
    return type + ":" + value;
  }
}
