package dev.rebal.core.security;

import dev.rebal.core.RebalStyle;
import org.immutables.value.Value;

/**
 * A tradable instrument: what it is, which asset class it counts toward, who issued it, and which
 * group of securities the firm treats as substantially identical to it for the wash-sale rule.
 *
 * <p>The wash-sale group defaults to the security's own id. Two index funds that the firm treats as
 * substantially identical share a group; a harvest replacement must come from another group. The
 * issuer (defaulting to the id) is what blackout windows, Rule 144 limits and issuer concentration
 * caps are stated against. This class is immutable and thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class Security implements WithSecurity {
  /** {@return the security's id} */
  public abstract SecurityId id();

  /** {@return the ticker or display symbol} */
  public abstract String symbol();

  /** {@return the asset class it counts toward} */
  public abstract AssetClass assetClass();

  /** {@return what kind of instrument it is} */
  public abstract SecurityKind kind();

  /** {@return how its income is taxed; {@link TaxCharacter#QUALIFIED} unless set} */
  @Value.Default
  public TaxCharacter taxCharacter() {
    return kind() == SecurityKind.MUNICIPAL_BOND
        ? TaxCharacter.TAX_EXEMPT
        : kind() == SecurityKind.BOND ? TaxCharacter.ORDINARY : TaxCharacter.QUALIFIED;
  }

  /** {@return the issuer's id; the security's own id unless set} */
  @Value.Default
  public String issuer() {
    return id().value();
  }

  /**
   * {@return the substantially-identical group for wash sales; the security's own id unless set}
   */
  @Value.Default
  public String washSaleGroup() {
    return id().value();
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Security}; every attribute without a default is required. */
  public static final class Builder extends ImmutableSecurity.Builder {}

  @Value.Check
  void check() {
    dev.rebal.core.internal.Checks.notBlank(symbol(), "symbol");
    dev.rebal.core.internal.Checks.notBlank(issuer(), "issuer");
    dev.rebal.core.internal.Checks.notBlank(washSaleGroup(), "washSaleGroup");
  }
}
