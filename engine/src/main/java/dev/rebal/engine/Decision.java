package dev.rebal.engine;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.RebalStyle;
import dev.rebal.core.assess.ProposalImpact;
import dev.rebal.core.audit.AuditEntry;
import dev.rebal.core.household.HouseholdId;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Proposal;
import dev.rebal.core.trade.Trade;
import dev.rebal.core.validation.Problem;
import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * The engine's decision for one household on one as-of date: the outcome, the data problems, the
 * triggers that fired, the constraints that bound (with their provenance), the proposal with its
 * impact (turnover, tax), the routing reasons, the overrides applied, and the hashes that make it
 * auditable (inputs, rule set).
 *
 * <p>{@link #canonicalText()} is a stable, complete text of the decision: the same inputs and rule
 * set give byte-identical text, which is what the audit record stores and what a replay compares. A
 * proposal that failed the independent verifier is never {@link DecisionOutcome#AUTO}. This class
 * is immutable and thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class Decision implements WithDecision {
  /** {@return the household decided} */
  public abstract HouseholdId household();

  /** {@return the as-of date} */
  public abstract LocalDate asOf();

  /** {@return the outcome} */
  public abstract DecisionOutcome outcome();

  /** {@return the validation problems found (errors put the household on hold)} */
  public abstract ImmutableList<Problem> problems();

  /** {@return why the household was ineligible, if it was} */
  public abstract ImmutableList<Finding> ineligibility();

  /** {@return the triggers that fired, with their reason codes} */
  public abstract ImmutableList<Finding> triggers();

  /** {@return the constraints that applied, each with its provenance, one line each} */
  public abstract ImmutableList<String> constraints();

  /** {@return the proposal (empty unless triggered and optimized)} */
  public abstract Proposal proposal();

  /** {@return the proposal's impact: turnover, tax, restricted securities, violations} */
  public abstract ProposalImpact impact();

  /** {@return the reasons the proposal goes to review, with their codes} */
  public abstract ImmutableList<Finding> routing();

  /** {@return the overrides applied, one line each} */
  public abstract ImmutableList<String> overrides();

  /** {@return the optimizer's summary (mode, LP size, objective), or empty text if not run} */
  @Value.Default
  public String optimizer() {
    return "";
  }

  /** {@return the rule set's version} */
  public abstract String ruleSetVersion();

  /** {@return the rule set's content hash} */
  public abstract String ruleSetHash();

  /** {@return the SHA-256 of the canonical inputs (household, the market data it reads, as-of)} */
  public abstract String inputsHash();

  /** {@return whether the proposal has trades that may execute now, without review} */
  public boolean isReleasable() {
    return outcome() == DecisionOutcome.AUTO && !proposal().isEmpty();
  }

  /** {@return the audit entry of this decision; its body is {@link #canonicalText()}} */
  public AuditEntry auditEntry() {
    return new AuditEntry(
        household().value(),
        asOf(),
        inputsHash(),
        ruleSetVersion(),
        ruleSetHash(),
        outcome().name(),
        canonicalText());
  }

  /** {@return the stable, complete text of the decision, one fact per line} */
  @Value.Lazy
  public String canonicalText() {
    StringBuilder sb = new StringBuilder();
    sb.append("household ").append(household()).append('\n');
    sb.append("asOf ").append(asOf()).append('\n');
    sb.append("outcome ").append(outcome()).append('\n');
    sb.append("ruleSet ").append(ruleSetVersion()).append(' ').append(ruleSetHash()).append('\n');
    sb.append("inputs ").append(inputsHash()).append('\n');
    for (Problem p : problems()) {
      sb.append("problem ").append(p.severity()).append(' ').append(p).append('\n');
    }
    ineligibility().forEach(f -> sb.append("ineligible ").append(f).append('\n'));
    triggers().forEach(f -> sb.append("trigger ").append(f).append('\n'));
    constraints().forEach(c -> sb.append("constraint ").append(c).append('\n'));
    overrides().forEach(o -> sb.append("override ").append(o).append('\n'));
    if (!optimizer().isEmpty()) {
      sb.append("optimizer ").append(optimizer()).append('\n');
    }
    for (Trade t : proposal().trades()) {
      sb.append("trade ")
          .append(t.side())
          .append(' ')
          .append(t.account())
          .append(' ')
          .append(t.security())
          .append(' ')
          .append(t.quantity())
          .append(" @ ")
          .append(t.estimatedPrice().amount().toPlainString())
          .append(" = ")
          .append(t.estimatedValue().amount().toPlainString())
          .append(' ')
          .append(t.reasonCodes());
      for (LotPick p : t.lots()) {
        sb.append(' ').append(p.lot()).append(':').append(p.quantity());
      }
      sb.append('\n');
    }
    proposal().explanation().forEach(e -> sb.append("explain ").append(e).append('\n'));
    ProposalImpact i = impact();
    sb.append("impact turnover=")
        .append(i.turnover())
        .append(" largest=")
        .append(i.largestTrade().amount().toPlainString())
        .append(" gain=")
        .append(i.realizedGain().amount().toPlainString())
        .append(" shortTerm=")
        .append(i.shortTermGain().amount().toPlainString())
        .append(" tax=")
        .append(i.taxCost().amount().toPlainString())
        .append(" harvested=")
        .append(i.harvestedLoss().amount().toPlainString())
        .append(" concentrationShift=")
        .append(i.concentrationShift())
        .append(" restricted=")
        .append(i.restrictedTouched());
    if (!i.restrictedReduced().isEmpty()) {
      sb.append(" reducedRestricted=").append(i.restrictedReduced());
    }
    if (i.giftedValue().isPositive()) {
      // only when a gift is given, so the text of every other decision stays as it was
      sb.append(" gifted=").append(i.giftedValue().amount().toPlainString());
    }
    sb.append('\n');
    i.violations().forEach(v -> sb.append("violation ").append(v).append('\n'));
    i.preExisting().forEach(v -> sb.append("pre-existing ").append(v).append('\n'));
    i.unmetGoals().forEach(g -> sb.append("unmet ").append(g).append('\n'));
    routing().forEach(f -> sb.append("route ").append(f).append('\n'));
    return sb.toString();
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Decision}. */
  public static final class Builder extends ImmutableDecision.Builder {}
}
