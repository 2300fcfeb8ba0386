package dev.rebal.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.compliance.ComplianceParameters;
import dev.rebal.compliance.ConstraintCompiler;
import dev.rebal.compliance.TradeConstraints;
import dev.rebal.core.assess.Assessment;
import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.validation.HouseholdValidator;
import dev.rebal.core.validation.ValidationReport;
import dev.rebal.optimizer.RebalanceMode;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import dev.rebal.tax.internal.TaxCostCache;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The notes-only build ({@link ProblemBuilder#notes}) skips the curves and segments that give no
 * note; its notes must be exactly those of the full build, which the decision records.
 */
class ProblemBuilderNotesProperties {
  private static final BookGenerator BOOK = BookGenerator.of(BookConfig.of(42));

  @Provide
  Arbitrary<Integer> bookIndices() {
    return Arbitraries.integers().between(0, 99_999);
  }

  @Property(tries = 300)
  void notes_ofBookHousehold_areThoseOfTheBuild(
      @ForAll("bookIndices") int index, @ForAll RebalanceMode mode) {
    Household h = BOOK.household(index);
    MarketData m = BOOK.marketData();
    LocalDate asOf = BOOK.asOf();
    RuleSet rs = RuleSet.defaults();
    ValidationReport report = HouseholdValidator.standard().validate(h, m, asOf);
    Assume.that(!report.isOnHold());
    TaxMemo memo = TaxMemo.of(h, m, asOf);
    Assessment assessment = Assessor.assess(h, m, asOf, rs, report, memo);
    TradeConstraints tc =
        ConstraintCompiler.standard().compile(h, m, asOf, ComplianceParameters.defaults());
    ProblemRequest request =
        new ProblemRequest(
            h, m, asOf, rs, assessment, tc, List.of(), mode, false, memo, TaxCostCache.create());
    List<String> built = ProblemBuilder.build(request).constraints();
    Statistics.label("wash-sale")
        .collect(
            built.stream().anyMatch(n -> n.contains("no loss sale")) ? "blocked loss lot" : "none");
    Statistics.label("wash-sale").coverage(c -> c.check("blocked loss lot").count(n -> n > 0));
    assertThat(ProblemBuilder.notes(request)).containsExactlyElementsOf(built);
  }
}
