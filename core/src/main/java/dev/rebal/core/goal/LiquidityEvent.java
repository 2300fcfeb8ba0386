package dev.rebal.core.goal;

import dev.rebal.core.RebalStyle;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.money.Money;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A dated cash need, inflow or gift: a $500K tuition bill in 60 days, a $2M home sale in 90.
 *
 * <p>The amount is positive; {@link #kind()} gives the direction. An event tied to an account must
 * be met or received there; otherwise anywhere in the household. This class is immutable and
 * thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class LiquidityEvent implements WithLiquidityEvent {
  /** {@return the event's id} */
  public abstract LiquidityEventId id();

  /** {@return need, inflow or gift} */
  public abstract LiquidityKind kind();

  /** {@return the amount (positive)} */
  public abstract Money amount();

  /** {@return the date the cash is needed or expected} */
  public abstract LocalDate date();

  /** {@return the account it belongs to, if one} */
  public abstract Optional<AccountId> account();

  /** {@return committed or expected} */
  public abstract Firmness firmness();

  /** {@return a short description, e.g. "Spring tuition"} */
  @Value.Default
  public String description() {
    return "";
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LiquidityEvent}. */
  public static final class Builder extends ImmutableLiquidityEvent.Builder {}
}
