package dev.rebal.examples;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.security.Security;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.engine.Decision;
import dev.rebal.engine.DecisionOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The order files of a run, in a form an order management system can take: the orders that may
 * execute now ({@value #AUTO_FILE}), the orders that wait for a reviewer ({@value #REVIEW_FILE}),
 * and the gifts of shares in kind, which are transfers and not orders ({@value #TRANSFERS_FILE}).
 * The column spec is in {@code docs/blotter.md}; in short, every line carries the run id, the as-of
 * date and the currency, and a client order id unique in the run:
 *
 * <pre>
 * run_id,as_of,client_order_id,status,household,account,security_id,symbol,side,quantity_type,
 *   quantity,est_price,est_value,currency,reason_codes,lots
 * </pre>
 *
 * <p>A trade of a whole number of shares is one order ({@code quantity_type} {@code WHOLE}); a
 * fractional trade is split into a whole-share order and a fractional one ({@code FRACTIONAL},
 * under one share), because brokers route fractional shares apart. A sale's lots are split with it,
 * in relief order: the whole-share order relieves the first shares picked. Each order's value is
 * its quantity times the estimated price, rounded half-even to cents, so the two parts of a split
 * trade may differ from the trade's value by a cent.
 *
 * <p>Client order ids are {@code <run id>-<number>}, numbered from 1 in book order over all three
 * files ({@code -T} for transfers), so the same input gives the same ids. Decisions must be added
 * in book order, on one thread. Cells are quoted and defused as in {@link Blotter}. This class does
 * not close the writers.
 *
 * <pre>{@code
 * try (Writer auto = ..., review = ..., transfers = ...) {
 *   OrderBlotter orders = new OrderBlotter(runId, asOf, market, auto, review, transfers);
 *   decisions.forEach(orders::add);
 * }
 * }</pre>
 */
public final class OrderBlotter {
  /** The file of orders that may execute now. */
  public static final String AUTO_FILE = "blotter-auto.csv";

  /** The file of orders that wait for a reviewer. */
  public static final String REVIEW_FILE = "blotter-review.csv";

  /** The file of gifts of shares in kind. */
  public static final String TRANSFERS_FILE = "transfers.csv";

  /** The header of both order files. */
  public static final String ORDER_HEADER =
      "run_id,as_of,client_order_id,status,household,"
          + "account,security_id,symbol,side,quantity_type,quantity,est_price,est_value,currency,"
          + "reason_codes,lots";

  /** The header of the transfers file. */
  public static final String TRANSFER_HEADER =
      "run_id,as_of,transfer_id,status,household,"
          + "account,security_id,symbol,quantity,est_price,est_value,currency,recipient,reason_codes,"
          + "lots";

  private final RunId runId;
  private final LocalDate asOf;
  private final MarketData market;
  private final Writer auto;
  private final Writer review;
  private final Writer transfers;
  private long orders;
  private long transferCount;
  private long autoOrders;

  /**
   * Returns a blotter that writes the headers now and a line per order or transfer as decisions are
   * added.
   *
   * @param runId the run's id, on every line
   * @param asOf the as-of date, on every line
   * @param market the market data, for each security's symbol
   * @param auto receives the orders that may execute now
   * @param review receives the orders waiting for review
   * @param transfers receives the gifts in kind, whatever their outcome
   * @throws UncheckedIOException if a writer fails
   */
  public OrderBlotter(
      RunId runId,
      LocalDate asOf,
      MarketData market,
      Writer auto,
      Writer review,
      Writer transfers) {
    this.runId = Checks.notNull(runId, "runId");
    this.asOf = Checks.notNull(asOf, "asOf");
    this.market = Checks.notNull(market, "market");
    this.auto = Checks.notNull(auto, "auto");
    this.review = Checks.notNull(review, "review");
    this.transfers = Checks.notNull(transfers, "transfers");
    write(auto, ORDER_HEADER);
    write(review, ORDER_HEADER);
    write(transfers, TRANSFER_HEADER);
  }

  /**
   * Writes the orders and transfers of {@code decision}: those of an {@code AUTO} decision to the
   * auto file, those of a {@code REVIEW} decision to the review file; gifts to the transfers file.
   *
   * @throws UncheckedIOException if a writer fails
   */
  public void add(Decision decision) {
    Checks.notNull(decision, "decision");
    DecisionOutcome o = decision.outcome();
    Writer to = o == DecisionOutcome.AUTO ? auto : review;
    for (Trade t : decision.proposal().trades()) {
      if (t.side() == Side.GIFT) {
        transfer(decision, t);
        continue;
      }
      BigDecimal q = t.quantity().value();
      BigDecimal whole = q.setScale(0, RoundingMode.FLOOR);
      BigDecimal fraction = q.subtract(whole);
      List<List<LotPick>> lots = splitLots(t.lots(), whole);
      if (whole.signum() > 0) {
        order(to, decision, t, "WHOLE", Quantity.of(whole), lots.get(0));
      }
      if (fraction.signum() > 0) {
        order(to, decision, t, "FRACTIONAL", Quantity.of(fraction), lots.get(1));
      }
    }
  }

  /** Returns the orders written so far (both order files). */
  public long orders() {
    return orders;
  }

  /** Returns the orders written so far for decisions with {@code outcome}. */
  public long ordersTo(DecisionOutcome outcome) {
    return outcome == DecisionOutcome.AUTO ? autoOrders : orders - autoOrders;
  }

  /** Returns the transfers written so far. */
  public long transfers() {
    return transferCount;
  }

  private void order(Writer to, Decision d, Trade t, String type, Quantity q, List<LotPick> lots) {
    orders++;
    autoOrders += to == auto ? 1 : 0;
    write(
        to,
        line(
            runId.value(),
            asOf.toString(),
            runId.value() + "-" + String.format(Locale.ROOT, "%06d", orders),
            d.outcome().name(),
            d.household().value(),
            t.account().value(),
            t.security().value(),
            symbol(t),
            t.side().name(),
            type,
            q.value().toPlainString(),
            t.estimatedPrice().amount().toPlainString(),
            t.estimatedPrice().times(q).toPlainString(),
            t.estimatedPrice().currency().getCurrencyCode(),
            String.join(";", t.reasonCodes()),
            lots(lots)));
  }

  private void transfer(Decision d, Trade t) {
    transferCount++;
    List<String> recipients = new ArrayList<>();
    for (String code : t.reasonCodes()) {
      if (code.startsWith("gift:")) {
        recipients.add(code.substring("gift:".length()));
      }
    }
    write(
        transfers,
        line(
            runId.value(),
            asOf.toString(),
            runId.value() + "-T" + String.format(Locale.ROOT, "%06d", transferCount),
            d.outcome().name(),
            d.household().value(),
            t.account().value(),
            t.security().value(),
            symbol(t),
            t.quantity().value().toPlainString(),
            t.estimatedPrice().amount().toPlainString(),
            t.estimatedValue().toPlainString(),
            t.estimatedPrice().currency().getCurrencyCode(),
            String.join(";", recipients),
            String.join(";", t.reasonCodes()),
            lots(t.lots())));
  }

  private String symbol(Trade t) {
    return market.findSecurity(t.security()).map(Security::symbol).orElse("");
  }

  /** Splits lot picks in relief order: the first {@code whole} shares, then the rest. */
  static List<List<LotPick>> splitLots(List<LotPick> picks, BigDecimal whole) {
    List<LotPick> first = new ArrayList<>();
    List<LotPick> rest = new ArrayList<>();
    BigDecimal left = whole;
    for (LotPick p : picks) {
      BigDecimal q = p.quantity().value();
      BigDecimal take = q.min(left);
      if (take.signum() > 0) {
        first.add(new LotPick(p.lot(), Quantity.of(take)));
        left = left.subtract(take);
      }
      if (q.compareTo(take) > 0) {
        rest.add(new LotPick(p.lot(), Quantity.of(q.subtract(take))));
      }
    }
    return List.of(first, rest);
  }

  private static String lots(List<LotPick> lots) {
    List<String> out = new ArrayList<>();
    for (LotPick p : lots) {
      out.add(p.lot() + ":" + p.quantity().value().toPlainString());
    }
    return String.join(";", out);
  }

  private static String line(String... fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      sb.append(i == 0 ? "" : ",").append(Blotter.quote(fields[i]));
    }
    return sb.toString();
  }

  private static void write(Writer w, String line) {
    try {
      w.write(line);
      w.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
