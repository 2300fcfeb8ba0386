package dev.rebal.examples;

import static dev.rebal.examples.Html.escape;

import dev.rebal.core.goal.Goal;
import dev.rebal.core.money.HumanFormat;
import dev.rebal.core.money.Money;
import dev.rebal.core.outlook.GoalOdds;
import dev.rebal.core.outlook.HouseholdOutlook;
import dev.rebal.core.plan.GoalPlan;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Trade;
import dev.rebal.core.valuation.ClassDrift;
import dev.rebal.engine.Decision;
import dev.rebal.engine.RunSummary;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The main job's HTML report: one self-contained page (inline CSS, SVG and a small inline script,
 * no network) with the run's metadata (run id, Rebal's version, the rule set's version and hash),
 * the book summary, the auto/review split with reasons, drift per asset class before and after, tax
 * realized and losses harvested, the comparison with the previous run of the output folder, the top
 * exceptions (linked to their households), the rule-set shadow run when one ran, a sortable and
 * filterable household table (with each household's estimated tax saved and loss harvested) and a
 * section per triggered household. Colours meet WCAG AA contrast ({@link Palette}); sorting and
 * filtering are {@link ReportScript}'s. Deterministic: the same run gives the same bytes (the run's
 * duration is printed by the job, not kept here).
 */
final class HtmlReport {
  private static final String AUTO = Palette.AUTO;
  private static final String REVIEW = Palette.REVIEW;
  private static final String BEFORE = Palette.BEFORE;
  private static final String[] OUTCOMES = {
    "ON_HOLD", "INELIGIBLE", "NO_TRIGGER", "AUTO", "REVIEW", "FAILED"
  };
  private static final String[] OUTCOME_COLORS = {
    Palette.ON_HOLD, Palette.INELIGIBLE, BEFORE, AUTO, REVIEW, Palette.FAILED
  };

  /** The most households listed as new or resolved exceptions against the previous run. */
  static final int CHANGES_SHOWN = 50;

  private static final String CSS =
      String.join(
          "\n",
          "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;",
          "  margin:0;color:" + Palette.TEXT + ";background:" + Palette.PAGE + ";line-height:1.4}",
          "header{background:"
              + Palette.HEADER
              + ";color:"
              + Palette.HEADER_TEXT
              + ";padding:18px 32px}",
          "header h1{margin:0 0 4px;font-size:22px}header p{margin:0;color:"
              + Palette.HEADER_MUTED
              + ";font-size:13px}",
          "header dl{margin:6px 0 0;font-size:13px;color:" + Palette.HEADER_MUTED + "}",
          "header dt{display:inline;font-weight:600}header dd{display:inline;margin:0 14px 0 4px}",
          "nav{padding:8px 32px;background:"
              + Palette.NAV
              + ";font-size:13px}nav a{margin-right:14px;"
              + "color:"
              + Palette.LINK
              + "}",
          "a{color:" + Palette.LINK + "}",
          "main{padding:8px 32px 40px;max-width:1100px}",
          "section{background:"
              + Palette.PANEL
              + ";border:1px solid #e0e0e0;border-radius:6px;"
              + "padding:12px 20px;",
          "  margin:16px 0}",
          "h2{font-size:18px;margin:4px 0 10px}h3{font-size:15px;margin:14px 0 6px}",
          ".cards{display:flex;flex-wrap:wrap;gap:10px;margin:6px 0 12px}",
          ".card{border:1px solid #e0e0e0;border-radius:6px;padding:8px 12px;min-width:120px}",
          ".card b{display:block;font-size:20px}.card span{font-size:12px;color:"
              + Palette.MUTED
              + "}",
          "table{border-collapse:collapse;font-size:13px;margin:6px 0 10px}",
          "th,td{border-bottom:1px solid #eee;padding:3px 10px;text-align:left;vertical-align:top}",
          "th{background:"
              + Palette.TABLE_HEAD
              + "}td.n,th.n{text-align:right;"
              + "font-variant-numeric:tabular-nums}",
          "th button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;"
              + "cursor:pointer;text-align:inherit}",
          "th[aria-sort=ascending] button::after{content:' \\25B2'}"
              + "th[aria-sort=descending] button::after{content:' \\25BC'}",
          ".filter{margin:6px 0;font-size:13px}.filter input{font:inherit;padding:2px 6px;width:18em}",
          ".chart{display:block;margin:6px 0 10px}.chart text{font-size:12px;fill:"
              + Palette.CHART_TEXT
              + "}",
          ".chart .label{fill:" + Palette.TEXT + "}.chart .axis{stroke:#9e9e9e}",
          ".tag{display:inline-block;border-radius:3px;padding:0 5px;font-size:12px;color:"
              + Palette.TAG_TEXT
              + "}",
          ".AUTO{background:"
              + AUTO
              + "}.REVIEW{background:"
              + REVIEW
              + "}.ON_HOLD{background:"
              + Palette.ON_HOLD
              + "}.INELIGIBLE{background:"
              + Palette.INELIGIBLE
              + "}"
              + ".NO_TRIGGER{background:"
              + Palette.NO_TRIGGER
              + "}.FAILED{background:"
              + Palette.FAILED
              + "}",
          ".better{color:" + Palette.BETTER + "}.worse{color:" + Palette.WORSE + "}",
          "pre{font-size:12px;background:"
              + Palette.CODE_BACKGROUND
              + ";padding:8px;overflow:auto}",
          "details{border-top:1px solid #eee;padding:4px 0}summary{cursor:pointer;font-size:14px}",
          "code{font-size:12px;background:"
              + Palette.CODE_BACKGROUND
              + ";padding:0 3px;"
              + "border-radius:3px}",
          "section p,section li{font-size:14px}section ul{padding-left:22px;margin:4px 0}",
          ".muted{color:" + Palette.MUTED + ";font-size:12px}");

  private final StringBuilder sb = new StringBuilder();

  /** The households that have a section in the report. */
  private final Set<String> sectionIds = new HashSet<>();

  private HtmlReport() {}

  /**
   * What the report says about the run beyond its results: its id, Rebal's version, the shadow run
   * against an older rule set and the comparison with the previous run, where there were ones.
   *
   * @param runId the run's id in its output folder
   * @param rebalVersion Rebal's version
   * @param rules the rule-set shadow run ({@code --compare-rules}), if one ran
   * @param previous the comparison with the previous run of the output folder, if it has one
   */
  record RunInfo(
      String runId,
      String rebalVersion,
      Optional<RuleSetComparison> rules,
      Optional<RunComparison> previous) {
    static RunInfo none() {
      return new RunInfo("-", RebalCommand.version(), Optional.empty(), Optional.empty());
    }
  }

  static String render(
      String bookName,
      LocalDate asOf,
      RuleSet ruleSet,
      RunSummary summary,
      DataQualityReport dq,
      BookResults r,
      int pendingReview) {
    return render(bookName, asOf, ruleSet, summary, dq, r, pendingReview, RunInfo.none());
  }

  static String render(
      String bookName,
      LocalDate asOf,
      RuleSet ruleSet,
      RunSummary summary,
      DataQualityReport dq,
      BookResults r,
      int pendingReview,
      RunInfo run) {
    HtmlReport h = new HtmlReport();
    r.sections.forEach(sec -> h.sectionIds.add(sec.decision().household().value()));
    h.page(bookName, asOf, ruleSet, summary, dq, r, pendingReview, run);
    return h.sb.toString();
  }

  private void page(
      String bookName,
      LocalDate asOf,
      RuleSet ruleSet,
      RunSummary s,
      DataQualityReport dq,
      BookResults r,
      int pendingReview,
      RunInfo run) {
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Rebal run ")
        .append(asOf)
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("\n</style>\n</head>\n<body>\n");
    sb.append("<header><h1>Rebal rebalancing run, as of ")
        .append(asOf)
        .append("</h1><p>book: ")
        .append(escape(bookName))
        .append(" &middot; rule set ")
        .append(escape(ruleSet.name()))
        .append(' ')
        .append(ruleSet.version())
        .append("</p>\n<dl id=\"run-metadata\">")
        .append("<dt>run</dt><dd>")
        .append(escape(run.runId()))
        .append("</dd>")
        .append("<dt>Rebal</dt><dd>")
        .append(escape(run.rebalVersion()))
        .append("</dd>")
        .append("<dt>rule set</dt><dd>")
        .append(escape(ruleSet.name()))
        .append(' ')
        .append(escape(ruleSet.version().toString()))
        .append("</dd>")
        .append("<dt>rule-set hash (SHA-256)</dt><dd><code style=\"color:")
        .append(Palette.TEXT)
        .append("\">")
        .append(ruleSet.contentHash())
        .append("</code></dd>")
        .append("<dt>duration</dt><dd>printed by the job, not kept here (this file is the same ")
        .append("byte for byte for the same book, date and rule set)</dd></dl></header>\n");
    sb.append("<nav><a href=\"#summary\">Book summary</a><a href=\"#routing\">Auto and review</a>")
        .append("<a href=\"#drift\">Drift</a><a href=\"#tax\">Tax</a>")
        .append("<a href=\"#exceptions\">Exceptions</a>")
        .append("<a href=\"#household-list\">Household table</a>")
        .append("<a href=\"#households\">Households</a>");
    if (run.previous().isPresent()) {
      sb.append("<a href=\"#previous-run\">Previous run</a>");
    }
    if (run.rules().isPresent()) {
      sb.append(RULES_NAV);
    }
    sb.append("</nav>\n<main>\n");
    summary(s, dq, r);
    routing(s, r, pendingReview);
    drift(r);
    tax(r);
    run.previous().ifPresent(this::previous);
    exceptions(r);
    run.rules().ifPresent(this::rules);
    householdTable(r, asOf);
    households(r);
    sb.append("</main>\n<script>\n")
        .append(ReportScript.SCRIPT)
        .append("</script>\n")
        .append("</body>\n</html>\n");
  }

  /** The navigation link of the shadow-run section. */
  static final String RULES_NAV = "<a href=\"#rules-compare\">Rule-set shadow run</a>";

  /** The comparison with the previous run of the output folder. */
  private void previous(RunComparison c) {
    RunRecord p = c.previous();
    sb.append("<section id=\"previous-run\">\n<h2>Compared with the previous run</h2>\n");
    sb.append("<p class=\"muted\">The previous run of this output folder: ")
        .append(escape(p.runId()))
        .append(", as of ")
        .append(p.asOf())
        .append(", rule set ")
        .append(escape(p.text("rule-set")))
        .append(", book ")
        .append(escape(p.text("book")))
        .append(" (kept in <code>runs/")
        .append(p.asOf())
        .append('/')
        .append(escape(p.runId()))
        .append("/</code>).</p>\n");
    sb.append("<table><thead><tr><th></th><th class=\"n\">previous (")
        .append(escape(p.runId()))
        .append(")</th><th class=\"n\">this run (")
        .append(escape(c.runId()))
        .append(")</th><th class=\"n\">change</th></tr></thead>\n<tbody>\n");
    for (String[] row : RunComparison.ROWS) {
      BigDecimal before = p.decimal(row[0]);
      BigDecimal now = c.now(row[0]);
      boolean money = RunComparison.isMoney(row[0]);
      BigDecimal change = now.subtract(before);
      sb.append("<tr><td>")
          .append(escape(row[1]))
          .append("</td><td class=\"n\">")
          .append(money ? Html.money(before) : before.toPlainString())
          .append("</td><td class=\"n\">")
          .append(money ? Html.money(now) : now.toPlainString())
          .append("</td><td class=\"n\">")
          .append(change.signum() > 0 ? "+" : "")
          .append(money ? Html.money(change) : change.toPlainString())
          .append("</td></tr>\n");
    }
    sb.append("</tbody></table>\n");
    changes("New exceptions", "worse", c.newExceptions());
    changes("Resolved exceptions", "better", c.resolvedExceptions());
    sb.append("</section>\n");
  }

  private void changes(String title, String css, List<String> keys) {
    sb.append("<h3>")
        .append(title)
        .append(" <span class=\"")
        .append(css)
        .append("\">")
        .append(keys.size())
        .append("</span></h3>\n");
    if (keys.isEmpty()) {
      sb.append("<p>None.</p>\n");
      return;
    }
    sb.append("<ul>\n");
    for (String k : keys.subList(0, Math.min(CHANGES_SHOWN, keys.size()))) {
      String[] f = k.split("\t", 2);
      sb.append("<li>")
          .append(householdLink(f[0]))
          .append(' ')
          .append(escape(f.length > 1 ? f[1] : ""))
          .append("</li>\n");
    }
    if (keys.size() > CHANGES_SHOWN) {
      sb.append("<li>... and ").append(keys.size() - CHANGES_SHOWN).append(" more</li>\n");
    }
    sb.append("</ul>\n");
  }

  /** The rule-set shadow run: what the run's rule set changes against the one in force. */
  private void rules(RuleSetComparison c) {
    sb.append("<section id=\"rules-compare\">\n<h2>Rule-set shadow run</h2>\n")
        .append("<div class=\"cards\">");
    card(String.valueOf(c.households()), "households compared");
    card(String.valueOf(c.outcomesChanged()), "changed outcome");
    card(String.valueOf(c.reasonsChanged()), "changed review reasons");
    card(String.valueOf(c.tradesChanged()), "changed trades");
    sb.append("</div>\n<p class=\"muted\">Every household was also decided under the rule set ")
        .append("in force (old), with the same book, market data and as-of date; the run's own ")
        .append("files are those of the run's rule set (new). The same text is in <code>")
        .append(RuleSetComparison.FILE)
        .append("</code>.</p>\n<pre>")
        .append(escape(c.render()))
        .append("</pre>\n</section>\n");
  }

  /** The sortable, filterable table of the triggered households with a section below. */
  private void householdTable(BookResults r, LocalDate asOf) {
    sb.append("<section id=\"household-list\">\n<h2>Household table</h2>\n");
    sb.append("<p class=\"muted\">The ")
        .append(r.sections.size())
        .append(" triggered households with a section below. Click a heading to sort; type to ")
        .append("filter (any cell). Tax saved is the estimated tax the proposal's realized ")
        .append("losses save at the household's marginal rates, before netting.</p>\n");
    filter("households-table", "Filter households");
    sb.append("<table id=\"households-table\" class=\"sortable\"><thead><tr>");
    th("household", "household", false);
    th("outcome", "outcome", false);
    th("value", "value", true);
    th("trades", "trades", true);
    th("traded", "traded value", true);
    th("tax", "estimated tax", true);
    th("harvested", "loss harvested", true);
    th("saved", "est. tax saved", true);
    th("reasons", "review reasons", false);
    sb.append("</tr></thead>\n<tbody>\n");
    for (BookResults.Section sec : r.sections) {
      Decision d = sec.decision();
      String id = d.household().value();
      Money traded = Money.ZERO_USD;
      for (Trade t : d.proposal().trades()) {
        traded = traded.plus(t.estimatedValue());
      }
      Money saved = TaxSaved.of(sec.household(), d, asOf);
      String outcome = d.outcome().name();
      sb.append("<tr><td>")
          .append(householdLink(id))
          .append("</td><td><span class=\"tag ")
          .append(outcome)
          .append("\">")
          .append(outcome.toLowerCase(Locale.ROOT))
          .append("</span></td>");
      numberCell(sec.before().total().amount(), Html.dollars(sec.before().total().amount()));
      numberCell(
          BigDecimal.valueOf(d.proposal().trades().size()),
          String.valueOf(d.proposal().trades().size()));
      numberCell(traded.amount(), Html.money(traded));
      numberCell(d.impact().taxCost().amount(), Html.money(d.impact().taxCost()));
      numberCell(d.impact().harvestedLoss().amount(), Html.money(d.impact().harvestedLoss()));
      numberCell(saved.amount(), Html.money(saved));
      List<String> codes = new ArrayList<>();
      d.routing().forEach(f -> codes.add(escape(f.code())));
      sb.append("<td>").append(String.join(" ", codes)).append("</td></tr>\n");
    }
    sb.append("</tbody></table>\n</section>\n");
  }

  private void filter(String table, String label) {
    sb.append("<p class=\"filter\"><label>")
        .append(label)
        .append(": <input type=\"search\" ")
        .append("data-filter=\"")
        .append(table)
        .append("\" aria-controls=\"")
        .append(table)
        .append("\"></label> <span class=\"muted\" data-count=\"")
        .append(table)
        .append("\"></span></p>\n");
  }

  private void th(String key, String label, boolean numeric) {
    sb.append("<th data-key=\"")
        .append(key)
        .append('"')
        .append(numeric ? " data-type=\"num\" class=\"n\"" : "")
        .append("><button type=\"button\">")
        .append(escape(label))
        .append("</button></th>");
  }

  private void numberCell(BigDecimal value, String shown) {
    sb.append("<td class=\"n\" data-v=\"")
        .append(value.toPlainString())
        .append("\">")
        .append(escape(shown))
        .append("</td>");
  }

  /** The household's id, linked to its section when the report has one. */
  private String householdLink(String id) {
    return sectionIds.contains(id)
        ? "<a href=\"#hh-" + escape(id) + "\">" + escape(id) + "</a>"
        : escape(id);
  }

  private void summary(RunSummary s, DataQualityReport dq, BookResults r) {
    sb.append("<section id=\"summary\">\n<h2>Book summary</h2>\n<div class=\"cards\">");
    card(String.valueOf(s.households()), "households");
    card(Html.dollars(r.bookValue.amount()), "value of households valued");
    card(String.valueOf(s.triggered()), "triggered (auto + review)");
    card(String.valueOf(s.trades()), "trades proposed");
    card(Html.dollars(s.traded().amount()), "traded value");
    card(String.valueOf(dq.onHold()), "on hold (data errors)");
    sb.append("</div>\n");
    List<String> labels = new ArrayList<>();
    List<String> colors = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (int i = 0; i < OUTCOMES.length; i++) {
      long n = s.count(OUTCOMES[i]);
      if (n > 0 || !OUTCOMES[i].equals("FAILED")) {
        labels.add(OUTCOMES[i].toLowerCase(Locale.ROOT).replace('_', ' '));
        colors.add(OUTCOME_COLORS[i]);
        values.add(new double[] {n});
      }
    }
    sb.append("<h3>Households by outcome</h3>\n");
    sb.append(
        Svg.coloredBars(
            "households by outcome",
            labels,
            colors,
            values.toArray(new double[0][]),
            v -> String.format(Locale.ROOT, "%.0f", v)));
    sb.append("<p class=\"muted\">Data quality: ")
        .append(dq.valid())
        .append(" valid, ")
        .append(dq.onHold())
        .append(" on hold, ")
        .append(dq.withWarnings())
        .append(" with warnings, ")
        .append(dq.unreadable())
        .append(" unreadable. ")
        .append("Triggers fired: ");
    List<String> triggers = new ArrayList<>();
    r.triggerCodes().forEach((c, n) -> triggers.add("<code>" + escape(c) + "</code> " + n));
    sb.append(triggers.isEmpty() ? "none" : String.join(", ", triggers)).append(".</p>\n");
    if (!dq.byCode().isEmpty()) {
      sb.append("<table><tr><th>problem code</th><th class=\"n\">errors</th>")
          .append("<th class=\"n\">warnings</th></tr>\n");
      dq.byCode()
          .forEach(
              (code, n) ->
                  sb.append("<tr><td><code>")
                      .append(escape(code))
                      .append("</code></td><td class=\"n\">")
                      .append(n[0])
                      .append("</td><td class=\"n\">")
                      .append(n[1])
                      .append("</td></tr>\n"));
      sb.append("</table>\n");
    }
    sb.append("</section>\n");
  }

  private void routing(RunSummary s, BookResults r, int pendingReview) {
    long auto = s.count("AUTO");
    long review = s.count("REVIEW");
    sb.append("<section id=\"routing\">\n<h2>Auto and review</h2>\n<div class=\"cards\">");
    card(String.valueOf(auto), "auto (release now)");
    card(String.valueOf(review), "review (" + pendingReview + " items pending)");
    card(String.format(Locale.ROOT, "%.1f%%", 100 * s.autoShare()), "auto share of triggered");
    card(Html.dollars(r.autoTraded.amount()), "traded, auto");
    card(Html.dollars(r.reviewTraded.amount()), "traded, in review");
    sb.append("</div>\n");
    sb.append(
        Svg.coloredBars(
            "auto and review",
            List.of("auto", "review"),
            List.of(AUTO, REVIEW),
            new double[][] {{auto}, {review}},
            v -> String.format(Locale.ROOT, "%.0f", v)));
    sb.append("<p class=\"muted\">")
        .append(r.autoWithoutTrades)
        .append(" of the ")
        .append(auto)
        .append(" auto decisions have no trades: triggered (e.g. by the calendar) but already ")
        .append("where the optimizer would move them.</p>\n");
    sb.append("<h3>Why proposals go to review</h3>\n");
    if (s.reviewReasons().isEmpty()) {
      sb.append("<p>No proposal needs review.</p>\n");
    } else {
      List<String> labels = new ArrayList<>();
      List<double[]> values = new ArrayList<>();
      s.reviewReasons()
          .forEach(
              (code, n) -> {
                labels.add(code);
                values.add(new double[] {n});
              });
      sb.append(
          Svg.bars(
              "review reasons",
              labels,
              List.of("proposals"),
              List.of(REVIEW),
              values.toArray(new double[0][]),
              v -> String.format(Locale.ROOT, "%.0f", v)));
      sb.append("<p class=\"muted\">A proposal may have several reasons. Limits come from the ")
          .append("rule set's <code>review.*</code> parameters.</p>\n");
    }
    sb.append("</section>\n");
  }

  private void drift(BookResults r) {
    sb.append("<section id=\"drift\">\n<h2>Drift per asset class, before and after</h2>\n");
    sb.append("<p class=\"muted\">Over the ")
        .append(r.valued)
        .append(" households valued: ")
        .append("the mean absolute drift of each class from the household's goal-aware target, ")
        .append("and how many households hold the class outside its band. <i>After</i> applies ")
        .append("the released (auto) proposals; <i>after approval</i> also applies those ")
        .append("waiting in review.</p>\n");
    List<String> labels = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    sb.append("<table><tr><th>asset class</th><th class=\"n\">mean |drift| before</th>")
        .append("<th class=\"n\">after</th><th class=\"n\">after approval</th>")
        .append("<th class=\"n\">out of band before</th><th class=\"n\">after</th>")
        .append("<th class=\"n\">after approval</th></tr>\n");
    for (Map.Entry<AssetClass, BookResults.ClassStats> e : r.classes.entrySet()) {
      BookResults.ClassStats c = e.getValue();
      BigDecimal n = BigDecimal.valueOf(Math.max(1, r.valued));
      BigDecimal before = c.absBefore.divide(n, MathContext.DECIMAL64);
      BigDecimal auto = c.absAuto.divide(n, MathContext.DECIMAL64);
      BigDecimal all = c.absAll.divide(n, MathContext.DECIMAL64);
      labels.add(e.getKey().value());
      values.add(
          new double[] {
            100 * before.doubleValue(), 100 * auto.doubleValue(), 100 * all.doubleValue()
          });
      sb.append("<tr><td>")
          .append(escape(e.getKey().value()))
          .append("</td><td class=\"n\">")
          .append(Html.percent(before))
          .append("</td><td class=\"n\">")
          .append(Html.percent(auto))
          .append("</td><td class=\"n\">")
          .append(Html.percent(all))
          .append("</td><td class=\"n\">")
          .append(c.outBefore)
          .append("</td><td class=\"n\">")
          .append(c.outAuto)
          .append("</td><td class=\"n\">")
          .append(c.outAll)
          .append("</td></tr>\n");
    }
    sb.append("</table>\n");
    sb.append(
        Svg.bars(
            "mean absolute drift per asset class",
            labels,
            List.of("before", "after (auto released)", "after approval"),
            List.of(BEFORE, AUTO, REVIEW),
            values.toArray(new double[0][]),
            v -> String.format(Locale.ROOT, "%.2f%%", v)));
    sb.append("</section>\n");
  }

  private void tax(BookResults r) {
    sb.append("<section id=\"tax\">\n<h2>Tax realized and losses harvested</h2>\n");
    sb.append("<table><tr><th></th><th class=\"n\">auto</th><th class=\"n\">review</th>")
        .append("<th class=\"n\">total</th></tr>\n");
    taxRow("realized gain (net)", r.autoGain, r.reviewGain);
    taxRow("of which short-term", r.autoShortTerm, r.reviewShortTerm);
    taxRow("estimated tax cost", r.autoTax, r.reviewTax);
    taxRow("losses harvested", r.autoHarvested, r.reviewHarvested);
    sb.append("</table>\n");
    sb.append("<h3>Estimated tax cost</h3>\n");
    sb.append(
        Svg.coloredBars(
            "estimated tax cost",
            List.of("auto", "review"),
            List.of(AUTO, REVIEW),
            new double[][] {
              {r.autoTax.amount().doubleValue()}, {r.reviewTax.amount().doubleValue()}
            },
            v -> Html.dollars(BigDecimal.valueOf(v))));
    sb.append("<h3>Losses harvested</h3>\n");
    sb.append(
        Svg.coloredBars(
            "losses harvested",
            List.of("auto", "review"),
            List.of(AUTO, REVIEW),
            new double[][] {
              {r.autoHarvested.amount().doubleValue()}, {r.reviewHarvested.amount().doubleValue()}
            },
            v -> Html.dollars(BigDecimal.valueOf(v))));
    sb.append("<p class=\"muted\">Tax cost is the engine's estimate at each household's rates; ")
        .append("harvested losses are realized losses the engine sold for their tax value.</p>\n");
    sb.append("</section>\n");
  }

  private void taxRow(String label, Money auto, Money review) {
    sb.append("<tr><td>")
        .append(label)
        .append("</td><td class=\"n\">")
        .append(Html.money(auto))
        .append("</td><td class=\"n\">")
        .append(Html.money(review))
        .append("</td><td class=\"n\">")
        .append(Html.money(auto.plus(review)))
        .append("</td></tr>\n");
  }

  private void exceptions(BookResults r) {
    sb.append("<section id=\"exceptions\">\n<h2>Top exceptions</h2>\n");
    List<BookResults.Issue> top = r.topExceptions();
    if (top.isEmpty()) {
      sb.append("<p>None.</p>\n");
    } else {
      sb.append("<p class=\"muted\">The most urgent first: proposals the verifier or a conflict ")
          .append("stopped, data errors that put a household on hold, then reviews. ")
          .append(top.size())
          .append(" of ")
          .append(r.exceptionCount())
          .append(" shown. A ")
          .append("household with a section below is linked to it. Click a heading to sort; ")
          .append("type to filter.</p>\n");
      filter("exceptions-table", "Filter exceptions");
      sb.append("<table id=\"exceptions-table\" class=\"sortable\"><thead><tr>");
      th("rank", "urgency", true);
      th("household", "household", false);
      th("kind", "exception", false);
      th("detail", "detail", false);
      sb.append("</tr></thead>\n<tbody>\n");
      int n = 0;
      for (BookResults.Issue i : top) {
        sb.append("<tr><td class=\"n\" data-v=\"")
            .append(++n)
            .append("\">")
            .append(n)
            .append("</td><td>")
            .append(householdLink(i.household()))
            .append("</td><td>")
            .append(escape(i.kind()))
            .append("</td><td>")
            .append(escape(i.detail()))
            .append("</td></tr>\n");
      }
      sb.append("</tbody></table>\n");
    }
    sb.append("</section>\n");
  }

  private void households(BookResults r) {
    sb.append("<section id=\"households\">\n<h2>Triggered households</h2>\n");
    sb.append("<p class=\"muted\">")
        .append(r.sections.size())
        .append(" of ")
        .append(r.triggered)
        .append(" triggered households")
        .append(
            r.sections.size() < r.triggered
                ? " (the first " + BookResults.SECTIONS + " in book order)"
                : "")
        .append("; click one to see its goals, triggers, trades and tax impact. Every ")
        .append("household's full decision is in <code>proposals/</code>.</p>\n");
    for (BookResults.Section sec : r.sections) {
      household(sec);
    }
    sb.append("</section>\n");
  }

  private void household(BookResults.Section sec) {
    Decision d = sec.decision();
    String id = d.household().value();
    sb.append("<details id=\"hh-")
        .append(escape(id))
        .append("\"><summary><b>")
        .append(escape(id))
        .append("</b> <span class=\"tag ")
        .append(d.outcome().name())
        .append("\">")
        .append(d.outcome().name().toLowerCase(Locale.ROOT))
        .append("</span> ")
        .append(Html.dollars(sec.before().total().amount()))
        .append(", ")
        .append(d.proposal().trades().size())
        .append(" trade(s), tax ")
        .append(Html.money(d.impact().taxCost()))
        .append("</summary>\n");
    sb.append("<h3>Goals</h3>\n");
    if (sec.household().goals().isEmpty()) {
      sb.append("<p>No goals: managed to the static target.</p>\n");
    } else {
      Optional<HouseholdOutlook> outlook = sec.outlook();
      sb.append("<table><tr><th>goal</th><th>kind</th><th>target</th><th>date</th>")
          .append("<th class=\"n\">assigned</th><th class=\"n\">funded</th>");
      if (outlook.isPresent()) {
        sb.append("<th class=\"n\">probability</th><th class=\"n\">outcome (10th-90th)</th>");
      }
      sb.append("</tr>\n");
      for (Goal g : sec.household().goals()) {
        Optional<GoalPlan> p =
            sec.plan().goals().stream().filter(x -> x.goal().equals(g.id())).findFirst();
        sb.append("<tr><td>")
            .append(escape(g.name()))
            .append("</td><td>")
            .append(g.kind())
            .append("</td><td>")
            .append(Html.dollars(g.targetAmount().amount()))
            .append("</td><td>")
            .append(g.targetDate())
            .append("</td><td class=\"n\">")
            .append(p.map(x -> Html.dollars(x.assignedValue().amount())).orElse("-"))
            .append("</td><td class=\"n\">")
            .append(p.map(x -> Html.percent(x.fundedRatio())).orElse("-"))
            .append("</td>");
        if (outlook.isPresent()) {
          Optional<GoalOdds> odds = outlook.get().find(g.id());
          sb.append("<td class=\"n\">")
              .append(
                  odds.map(GoalOdds::percent)
                      .orElse(escape(outlook.get().unassessed().getOrDefault(g.id(), "-"))))
              .append("</td><td class=\"n\">")
              .append(
                  odds.map(
                          o ->
                              Html.dollars(o.outcome().p10().amount())
                                  + " - "
                                  + Html.dollars(o.outcome().p90().amount()))
                      .orElse("-"))
              .append("</td>");
        }
        sb.append("</tr>\n");
      }
      sb.append("</table>\n");
      outlook.ifPresent(this::fan);
    }
    sb.append("<h3>Triggers</h3>\n<ul>\n");
    for (Finding f : d.triggers()) {
      sb.append("<li><code>")
          .append(escape(f.code()))
          .append("</code> ")
          .append(escape(HumanFormat.text(f.message())))
          .append("</li>\n");
    }
    sb.append("</ul>\n<h3>Drift from the goal-aware target</h3>\n");
    sb.append("<table><tr><th>class</th><th class=\"n\">target</th><th class=\"n\">band</th>")
        .append("<th class=\"n\">before</th><th class=\"n\">after</th></tr>\n");
    for (ClassDrift c : sec.before().classes()) {
      Optional<ClassDrift> a = sec.after().find(c.assetClass());
      sb.append("<tr><td>")
          .append(escape(c.assetClass().value()))
          .append("</td><td class=\"n\">")
          .append(Html.percent(c.target()))
          .append("</td><td class=\"n\">&plusmn;")
          .append(Html.percent(c.halfWidth()))
          .append("</td><td class=\"n\">")
          .append(Html.signedPercent(c.drift()))
          .append(c.isOutOfBand() ? " (out)" : "")
          .append("</td><td class=\"n\">")
          .append(
              a.map(x -> Html.signedPercent(x.drift()) + (x.isOutOfBand() ? " (out)" : ""))
                  .orElse("-"))
          .append("</td></tr>\n");
    }
    sb.append("</table>\n<h3>Trades</h3>\n");
    if (d.proposal().trades().isEmpty()) {
      sb.append("<p>No trades.</p>\n");
    } else {
      sb.append("<table><tr><th>side</th><th>account</th><th>security</th>")
          .append("<th class=\"n\">quantity</th><th class=\"n\">price</th>")
          .append("<th class=\"n\">value</th><th>reason codes</th><th>lots</th></tr>\n");
      for (Trade t : d.proposal().trades()) {
        List<String> lots = new ArrayList<>();
        for (LotPick p : t.lots()) {
          lots.add(escape(p.lot().value()) + ": " + p.quantity().value().toPlainString());
        }
        sb.append("<tr><td>")
            .append(t.side())
            .append("</td><td>")
            .append(escape(t.account().value()))
            .append("</td><td>")
            .append(escape(t.security().value()))
            .append("</td><td class=\"n\">")
            .append(t.quantity().value().toPlainString())
            .append("</td><td class=\"n\">")
            .append(Html.money(t.estimatedPrice().amount()))
            .append("</td><td class=\"n\">")
            .append(Html.money(t.estimatedValue()))
            .append("</td><td>");
        List<String> codes = new ArrayList<>();
        t.reasonCodes().forEach(c -> codes.add("<code>" + escape(c) + "</code>"));
        sb.append(String.join(" ", codes))
            .append("</td><td>")
            .append(String.join("<br>", lots))
            .append("</td></tr>\n");
      }
      sb.append("</table>\n");
    }
    var i = d.impact();
    sb.append("<h3>Tax impact</h3>\n<p>realized gain ")
        .append(Html.money(i.realizedGain()))
        .append(" (short-term ")
        .append(Html.money(i.shortTermGain()))
        .append("), tax cost ")
        .append(Html.money(i.taxCost()))
        .append(", losses harvested ")
        .append(Html.money(i.harvestedLoss()))
        .append(", turnover ")
        .append(Html.percent(i.turnover()));
    if (i.giftedValue().isPositive()) {
      sb.append(", given to charity in kind ")
          .append(Html.money(i.giftedValue()))
          .append(" (no gain realized)");
    }
    sb.append(".</p>\n");
    if (!d.routing().isEmpty()) {
      sb.append("<h3>Review reasons</h3>\n<ul>\n");
      for (Finding f : d.routing()) {
        sb.append("<li><code>")
            .append(escape(f.code()))
            .append("</code> ")
            .append(escape(HumanFormat.text(f.message())))
            .append("</li>\n");
      }
      sb.append("</ul>\n");
    }
    if (!d.proposal().explanation().isEmpty()) {
      sb.append("<h3>Explanation</h3>\n<ul>\n");
      d.proposal()
          .explanation()
          .forEach(e -> sb.append("<li>").append(escape(HumanFormat.text(e))).append("</li>\n"));
      sb.append("</ul>\n");
    }
    sb.append("</details>\n");
  }

  /** The household's goal outlook as a fan chart, one panel per goal assessed. */
  private void fan(HouseholdOutlook o) {
    if (o.goals().isEmpty()) {
      return;
    }
    List<String> labels = new ArrayList<>();
    List<double[][]> points = new ArrayList<>();
    double[] years = new double[o.goals().size()];
    double[] amounts = new double[o.goals().size()];
    for (int i = 0; i < o.goals().size(); i++) {
      GoalOdds g = o.goals().get(i);
      labels.add(g.goal().value() + ": " + g.percent());
      double[][] rows = new double[g.fan().size()][];
      for (int j = 0; j < rows.length; j++) {
        var f = g.fan().get(j);
        rows[j] =
            new double[] {
              years(o.asOf(), f.date()),
              f.p10().amount().doubleValue(),
              f.p25().amount().doubleValue(),
              f.median().amount().doubleValue(),
              f.p75().amount().doubleValue(),
              f.p90().amount().doubleValue()
            };
      }
      points.add(rows);
      years[i] = years(o.asOf(), g.targetDate());
      amounts[i] = g.targetAmount().amount().doubleValue();
    }
    sb.append("<p class=\"muted\">Goal outlook: the probability that each goal is met, from ")
        .append(o.paths())
        .append(" simulated paths under ")
        .append(escape(o.assumptions()))
        .append(" (docs/goals.md). Bands: 10th-90th and 25th-75th percentiles of the goal's ")
        .append("value; line: median; red: the target amount at its date.</p>\n");
    sb.append(Svg.fan("goal outlook of " + o.household().value(), labels, points, years, amounts));
  }

  private static double years(java.time.LocalDate from, java.time.LocalDate to) {
    return java.time.temporal.ChronoUnit.DAYS.between(from, to) / 365.25;
  }

  private void card(String value, String label) {
    sb.append("<div class=\"card\"><b>")
        .append(escape(value))
        .append("</b><span>")
        .append(escape(label))
        .append("</span></div>");
  }
}
