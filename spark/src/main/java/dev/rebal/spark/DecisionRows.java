package dev.rebal.spark;

import dev.rebal.core.audit.AuditRecord;
import dev.rebal.core.audit.JsonLinesAuditSink;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.trade.Trade;
import dev.rebal.engine.Decision;
import dev.rebal.engine.DecisionOutcome;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The row of one decided household ({@link SparkRebalancer#SCHEMA}): its audit chain position, the
 * decision's outcome and hashes, its trades, its review routing and the audit line. Amounts and
 * quantities are plain decimal strings, exactly as the engine computed them (no floating point, no
 * rescaling). The review priority mirrors {@link dev.rebal.engine.BookRebalancer}'s: 1 for
 * verifier, conflict, infeasibility and numerical reasons, else 2; 0 when not in review.
 */
final class DecisionRows {
  /** The outcome of a household whose line could not be read into a household. */
  static final String UNREADABLE = "UNREADABLE";

  /** The outcome of a household whose rebalance threw, as {@code BookRebalancer} records it. */
  static final String FAILED = "FAILED";

  private static final Set<String> URGENT =
      Set.of("review.verifier", "review.conflict", "review.infeasible", "review.numerical");

  static final StructType TRADE =
      DataTypes.createStructType(
          new StructField[] {
            DataTypes.createStructField("account", DataTypes.StringType, false),
            DataTypes.createStructField("security", DataTypes.StringType, false),
            DataTypes.createStructField("side", DataTypes.StringType, false),
            DataTypes.createStructField("quantity", DataTypes.StringType, false),
            DataTypes.createStructField("price", DataTypes.StringType, false),
            DataTypes.createStructField("value", DataTypes.StringType, false),
            DataTypes.createStructField(
                "reasonCodes", DataTypes.createArrayType(DataTypes.StringType, false), false)
          });

  static final StructType SCHEMA =
      DataTypes.createStructType(
          new StructField[] {
            DataTypes.createStructField("chain", DataTypes.StringType, false),
            DataTypes.createStructField("sequence", DataTypes.LongType, false),
            DataTypes.createStructField("household", DataTypes.StringType, false),
            DataTypes.createStructField("asOf", DataTypes.StringType, false),
            DataTypes.createStructField("outcome", DataTypes.StringType, false),
            DataTypes.createStructField("releasable", DataTypes.BooleanType, false),
            DataTypes.createStructField("inputsHash", DataTypes.StringType, false),
            DataTypes.createStructField("ruleSetVersion", DataTypes.StringType, false),
            DataTypes.createStructField("ruleSetHash", DataTypes.StringType, false),
            DataTypes.createStructField("contentHash", DataTypes.StringType, false),
            DataTypes.createStructField("trades", DataTypes.createArrayType(TRADE, false), false),
            DataTypes.createStructField("reviewPriority", DataTypes.IntegerType, false),
            DataTypes.createStructField(
                "reviewReasons", DataTypes.createArrayType(DataTypes.StringType, false), false),
            DataTypes.createStructField("error", DataTypes.StringType, false),
            DataTypes.createStructField("auditHash", DataTypes.StringType, false),
            DataTypes.createStructField("auditLine", DataTypes.StringType, false)
          });

  private DecisionRows() {}

  /** Returns the row of a decided household, chained as {@code record}. */
  static Row decided(String chain, Decision d, AuditRecord record) {
    List<Trade> trades = d.proposal().trades();
    Row[] tradeRows = new Row[trades.size()];
    for (int i = 0; i < tradeRows.length; i++) {
      Trade t = trades.get(i);
      tradeRows[i] =
          RowFactory.create(
              t.account().toString(),
              t.security().toString(),
              t.side().name(),
              t.quantity().value().toPlainString(),
              t.estimatedPrice().amount().toPlainString(),
              t.estimatedValue().amount().toPlainString(),
              t.reasonCodes().toArray(new String[0]));
    }
    boolean review = d.outcome() == DecisionOutcome.REVIEW;
    Set<String> reasons = new LinkedHashSet<>();
    if (review) {
      d.routing().forEach(f -> reasons.add(f.code()));
    }
    int priority =
        !review ? 0 : d.routing().stream().map(Finding::code).anyMatch(URGENT::contains) ? 1 : 2;
    return row(
        chain, record, d.isReleasable(), tradeRows, priority, reasons.toArray(new String[0]), "");
  }

  /** Returns the row of a household that was not decided ({@link #FAILED}, {@link #UNREADABLE}). */
  static Row undecided(String chain, AuditRecord record, String error) {
    return row(chain, record, false, new Row[0], 0, new String[0], error);
  }

  private static Row row(
      String chain,
      AuditRecord r,
      boolean releasable,
      Row[] trades,
      int priority,
      String[] reasons,
      String error) {
    return RowFactory.create(
        chain,
        r.sequence(),
        r.entry().household(),
        r.entry().asOf().toString(),
        r.entry().outcome(),
        releasable,
        r.entry().inputsHash(),
        r.entry().ruleSetVersion(),
        r.entry().ruleSetHash(),
        AuditRecord.sha256Hex(r.entry().body()),
        trades,
        priority,
        reasons,
        error,
        r.hash(),
        JsonLinesAuditSink.toLine(r));
  }
}
