package dev.rebal.examples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.rebal.core.assess.ProposalImpact;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.HumanFormat;
import dev.rebal.core.outlook.GoalOdds;
import dev.rebal.core.outlook.HouseholdOutlook;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Trade;
import dev.rebal.core.validation.Problem;
import dev.rebal.engine.Decision;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a {@link Decision} as JSON, with Jackson's streaming generator: the fields in a fixed
 * order (household, asOf, outcome, releasable, ruleSet, inputsHash, problems, ineligibility,
 * triggers, constraints, overrides, optimizer, trades, explanation, impact, routing, and, when
 * given, the household's goalOutlook), amounts as plain decimal numbers, indented with two spaces
 * and {@code \n} line ends. The same decision always gives the same bytes.
 *
 * <p>Each finding has its {@code message} as the decision holds it (plain figures, the form the
 * audit record hashes) and, beside it, {@code text}: the same message with its figures formatted
 * for people ({@code 19.2% vs 40.0% ± 5.0%}, {@code $12,345.67}; see {@link HumanFormat#text}).
 * Likewise {@code explanationText} is {@code explanation} for people.
 *
 * <pre>{@code
 * String json = DecisionJson.toJson(Rebalancer.standard().rebalance(household, market, asOf));
 * }</pre>
 *
 * <p>This class is stateless and thread-safe.
 */
public final class DecisionJson {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private DecisionJson() {}

  /** Returns {@code decision} as indented JSON, ending with a line break. */
  public static String toJson(Decision decision) {
    StringWriter out = new StringWriter();
    write(decision, out);
    return out.toString();
  }

  /**
   * Returns {@code decision} as indented JSON with the household's goal outlook as a last field,
   * {@code goalOutlook}: the assumptions (label and hash), paths, seed, and per goal its
   * probability, standard error, outcome percentiles (10th, 25th, median, 75th, 90th) and
   * shortfalls; goals that could not be assessed are listed with the reason.
   */
  public static String toJson(Decision decision, HouseholdOutlook outlook) {
    Checks.notNull(outlook, "outlook");
    StringWriter out = new StringWriter();
    Checks.notNull(decision, "decision");
    try {
      JsonGenerator g = generator(out);
      writeDecision(g, decision, outlook);
      g.flush();
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Returns the decisions as one indented JSON object {@code {"decisions": [...]}}. */
  public static String toJson(List<Decision> decisions) {
    Checks.notNull(decisions, "decisions");
    StringWriter out = new StringWriter();
    try (JsonGenerator g = generator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("decisions");
      for (Decision d : decisions) {
        writeDecision(g, d, null);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.append('\n').toString();
  }

  /**
   * Writes {@code decision} as indented JSON to {@code out}, ending with a line break; does not
   * close {@code out}.
   *
   * @throws UncheckedIOException if {@code out} fails
   */
  public static void write(Decision decision, Writer out) {
    Checks.notNull(decision, "decision");
    Checks.notNull(out, "out");
    try {
      JsonGenerator g = generator(out);
      writeDecision(g, decision, null);
      g.flush();
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonGenerator generator(Writer out) throws IOException {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return FACTORY
        .createGenerator(out)
        .setPrettyPrinter(
            new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter))
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  private static void writeDecision(JsonGenerator g, Decision d, HouseholdOutlook outlook)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("household", d.household().value());
    g.writeStringField("asOf", d.asOf().toString());
    g.writeStringField("outcome", d.outcome().name());
    g.writeBooleanField("releasable", d.isReleasable());
    g.writeObjectFieldStart("ruleSet");
    g.writeStringField("version", d.ruleSetVersion());
    g.writeStringField("hash", d.ruleSetHash());
    g.writeEndObject();
    g.writeStringField("inputsHash", d.inputsHash());
    g.writeArrayFieldStart("problems");
    for (Problem p : d.problems()) {
      g.writeStartObject();
      g.writeStringField("severity", p.severity().name());
      g.writeStringField("code", p.code());
      g.writeStringField("path", p.path());
      g.writeStringField("value", p.value());
      g.writeStringField("message", p.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    findings(g, "ineligibility", d.ineligibility());
    findings(g, "triggers", d.triggers());
    strings(g, "constraints", d.constraints());
    strings(g, "overrides", d.overrides());
    g.writeStringField("optimizer", d.optimizer());
    g.writeArrayFieldStart("trades");
    for (Trade t : d.proposal().trades()) {
      g.writeStartObject();
      g.writeStringField("account", t.account().toString());
      g.writeStringField("security", t.security().toString());
      g.writeStringField("side", t.side().name());
      g.writeNumberField("quantity", t.quantity().value());
      g.writeNumberField("price", t.estimatedPrice().amount());
      g.writeNumberField("value", t.estimatedValue().amount());
      strings(g, "reasonCodes", t.reasonCodes());
      g.writeArrayFieldStart("lots");
      for (LotPick p : t.lots()) {
        g.writeStartObject();
        g.writeStringField("lot", p.lot().toString());
        g.writeNumberField("quantity", p.quantity().value());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    strings(g, "explanation", d.proposal().explanation());
    strings(
        g, "explanationText", d.proposal().explanation().stream().map(HumanFormat::text).toList());
    ProposalImpact i = d.impact();
    g.writeObjectFieldStart("impact");
    g.writeNumberField("turnover", i.turnover().value());
    g.writeNumberField("largestTrade", i.largestTrade().amount());
    g.writeNumberField("realizedGain", i.realizedGain().amount());
    g.writeNumberField("shortTermGain", i.shortTermGain().amount());
    g.writeNumberField("taxCost", i.taxCost().amount());
    g.writeNumberField("harvestedLoss", i.harvestedLoss().amount());
    g.writeNumberField("giftedValue", i.giftedValue().amount());
    g.writeNumberField("concentrationShift", i.concentrationShift().value());
    strings(g, "restrictedTouched", i.restrictedTouched());
    strings(g, "restrictedReduced", i.restrictedReduced());
    strings(g, "violations", i.violations());
    strings(g, "preExisting", i.preExisting());
    g.writeArrayFieldStart("unmetGoals");
    for (dev.rebal.core.assess.UnmetGoal u : i.unmetGoals()) {
      g.writeStartObject();
      g.writeStringField("kind", u.kind());
      g.writeStringField("subject", u.subject());
      g.writeNumberField("amount", u.amount().amount());
      g.writeStringField("detail", u.detail());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    findings(g, "routing", d.routing());
    if (outlook != null) {
      writeOutlook(g, outlook);
    }
    g.writeEndObject();
  }

  private static void writeOutlook(JsonGenerator g, HouseholdOutlook o) throws IOException {
    g.writeObjectFieldStart("goalOutlook");
    g.writeStringField("assumptions", o.assumptions());
    g.writeStringField("assumptionsHash", o.assumptionsHash());
    g.writeNumberField("paths", o.paths());
    g.writeStringField("seed", Long.toHexString(o.seed()));
    g.writeArrayFieldStart("goals");
    for (GoalOdds odds : o.goals()) {
      g.writeStartObject();
      g.writeStringField("goal", odds.goal().value());
      g.writeNumberField("targetAmount", odds.targetAmount().amount());
      g.writeStringField("targetDate", odds.targetDate().toString());
      g.writeNumberField("assignedValue", odds.assignedValue().amount());
      g.writeNumberField("probability", odds.probability());
      g.writeNumberField("standardError", odds.standardError());
      g.writeObjectFieldStart("outcome");
      g.writeNumberField("p10", odds.outcome().p10().amount());
      g.writeNumberField("p25", odds.outcome().p25().amount());
      g.writeNumberField("median", odds.outcome().median().amount());
      g.writeNumberField("p75", odds.outcome().p75().amount());
      g.writeNumberField("p90", odds.outcome().p90().amount());
      g.writeEndObject();
      g.writeNumberField("expectedShortfall", odds.expectedShortfall().amount());
      g.writeNumberField("shortfallWhenShort", odds.shortfallWhenShort().amount());
      g.writeNumberField("shortfallAt10th", odds.shortfallAt10th().amount());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("unassessed");
    for (var e : o.unassessed().entrySet()) {
      g.writeStartObject();
      g.writeStringField("goal", e.getKey().value());
      g.writeStringField("reason", e.getValue());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void findings(JsonGenerator g, String name, List<Finding> findings)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (Finding f : findings) {
      g.writeStartObject();
      g.writeStringField("code", f.code());
      g.writeStringField("message", f.message());
      g.writeStringField("text", HumanFormat.text(f.message()));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void strings(JsonGenerator g, String name, Iterable<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
