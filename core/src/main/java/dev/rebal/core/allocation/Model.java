package dev.rebal.core.allocation;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.rebal.core.RebalStyle;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.SecurityId;
import java.util.List;
import org.immutables.value.Value;

/**
 * A model: the firm's securities for each asset class, in order of preference.
 *
 * <p>The first security of a class is the one bought; the rest are substitutes, tried in order when
 * the first cannot be bought (a restriction, a wash-sale window) and used as loss-harvest
 * replacements, which must not be substantially identical to what was sold. This class is immutable
 * and thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class Model implements WithModel {
  /** {@return the model's id} */
  public abstract ModelId id();

  /** {@return the securities of each asset class, most preferred first} */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<AssetClass, ImmutableList<SecurityId>> securities();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Model}. */
  public static final class Builder extends ImmutableModel.Builder {
    /**
     * Puts the securities of {@code assetClass}, most preferred first; the list is copied, so a
     * caller needs no Guava type.
     *
     * @param assetClass the asset class
     * @param securities its securities, most preferred first
     * @return this builder
     */
    public Builder putSecurities(AssetClass assetClass, List<SecurityId> securities) {
      return putSecurities(assetClass, ImmutableList.copyOf(securities));
    }
  }
}
