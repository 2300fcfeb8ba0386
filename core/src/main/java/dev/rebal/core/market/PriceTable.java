package dev.rebal.core.market;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import dev.rebal.core.RebalStyle;
import dev.rebal.core.security.SecurityId;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The prices of many securities, keyed by security, as a valuation snapshot.
 *
 * <p>A missing price is a data problem, never a zero: {@link #find} returns empty and {@link
 * #lookup} throws, and the validator reports each held or targeted security without a price. This
 * class is immutable and thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class PriceTable implements WithPriceTable {
  /** {@return the prices by security, sorted by id} */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<SecurityId, Price> prices();

  /**
   * The prices in a hash index, built once on first use: every household of a book looks its
   * securities up here, and a hash look-up is cheaper than the sorted map's binary search. Not part
   * of equality, hashing or the text form.
   */
  @Value.Lazy
  ImmutableMap<SecurityId, Price> index() {
    return ImmutableMap.copyOf(prices());
  }

  /**
   * {@return the price of {@code security}, if known}
   *
   * @param security the security
   */
  public Optional<Price> find(SecurityId security) {
    return Optional.ofNullable(index().get(security));
  }

  /**
   * {@return the price of {@code security}}
   *
   * @param security the security
   * @throws NoSuchElementException naming the security if it has no price
   */
  public Price lookup(SecurityId security) {
    Price price = index().get(security);
    if (price == null) {
      throw new NoSuchElementException("prices[" + security + "]: no price");
    }
    return price;
  }

  /**
   * {@return a table of the given prices; a security priced twice is an error}
   *
   * @param prices the prices, at most one per security
   */
  public static PriceTable of(Iterable<Price> prices) {
    Builder b = new Builder();
    for (Price p : prices) {
      b.putPrices(p.security(), p);
    }
    return b.build();
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PriceTable}. */
  public static final class Builder extends ImmutablePriceTable.Builder {}

  @Value.Check
  void check() {
    prices()
        .forEach(
            (id, p) ->
                dev.rebal.core.internal.Checks.isTrue(
                    id.equals(p.security()),
                    "prices[" + id + "].security",
                    p.security(),
                    "must equal its key"));
  }
}
