package dev.rebal.core.household;

import dev.rebal.core.RebalStyle;
import org.immutables.value.Value;

/**
 * A person or entity of a household. The name identifies a client, so it is redacted from {@code
 * toString}; messages and audit records use the id. This class is immutable and thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class Member implements WithMember {
  /** {@return the member's id} */
  public abstract MemberId id();

  /** {@return the member's name (redacted in {@code toString})} */
  @Value.Redacted
  public abstract String name();

  /** {@return the member's role} */
  public abstract MemberRole role();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Member}. */
  public static final class Builder extends ImmutableMember.Builder {}
}
