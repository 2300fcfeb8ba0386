package dev.rebal.core.market;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.RebalStyle;
import dev.rebal.core.money.Quantity;
import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * An issuer's shares outstanding and its recent weekly trading volume: the inputs of the Rule 144
 * volume limit for control persons (17 CFR 230.144(e)).
 *
 * <p>{@link #weeklyVolumes()} holds the reported volume of the calendar weeks before {@link
 * #asOf()}, most recent first; the rule averages the four weeks before the sale notice. This class
 * is immutable and thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class TradingVolume implements WithTradingVolume {
  /** {@return the issuer these figures are for} */
  public abstract String issuer();

  /** {@return the date the figures are as of} */
  public abstract LocalDate asOf();

  /** {@return the shares outstanding} */
  public abstract Quantity sharesOutstanding();

  /** {@return the weekly reported trading volumes, most recent week first} */
  public abstract ImmutableList<Quantity> weeklyVolumes();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TradingVolume}. */
  public static final class Builder extends ImmutableTradingVolume.Builder {}
}
