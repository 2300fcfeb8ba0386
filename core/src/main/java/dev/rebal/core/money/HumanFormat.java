package dev.rebal.core.money;

import dev.rebal.core.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Formats figures for people: amounts as {@code $12,345.67}, weights as percentages with one
 * decimal ({@code 19.2%}), quantities with grouped thousands ({@code 1,250.5}), and the figures
 * inside a finding's message ({@link #text(String)}). The output is the same whatever the default
 * locale: the separators are always {@code ,} for thousands and {@code .} for decimals (US style).
 *
 * <p>These forms are for reading only. Audit records, canonical texts and files a program reads
 * keep the plain forms ({@link Money#toPlainString()}, {@link Weight#toString()}), whose meaning
 * and bytes never depend on how they are shown.
 *
 * <pre>{@code
 * HumanFormat.money(Money.usd("12345.67"));        // $12,345.67
 * HumanFormat.percent(Weight.of("0.1917078737"));  // 19.2%
 * HumanFormat.text("CASH 0.19 vs 0.4 +/- 0.05");   // CASH 19.0% vs 40.0% ± 5.0%
 * }</pre>
 *
 * <p>This class is stateless and thread-safe.
 */
public final class HumanFormat {
  private static final String NUMBER = "-?[0-9]+(?:\\.[0-9]+)?";

  /** A currency code followed by an amount, as {@link Money#toString()} writes it. */
  private static final Pattern AMOUNT = Pattern.compile("\\b([A-Z]{3}) (" + NUMBER + ")\\b");

  /** An amount (already formatted) compared with a bare limit: the limit is in the same unit. */
  private static final Pattern AMOUNT_ABOVE =
      Pattern.compile(
          "(\\$[0-9,]+(?:\\.[0-9]+)?|[A-Z]{3} [0-9,]+(?:\\.[0-9]+)?) (above|below) ("
              + NUMBER
              + ")(?![0-9.%])");

  /** A weight against its target and band, as the threshold triggers write it. */
  private static final Pattern BAND =
      Pattern.compile("(" + NUMBER + ") vs (" + NUMBER + ") \\+/- (" + NUMBER + ")");

  /** A concentration shift against its limit. */
  private static final Pattern SHIFT =
      Pattern.compile("concentration shifts by (" + NUMBER + "), above (" + NUMBER + ")");

  /** A cap stated as a weight. */
  private static final Pattern CAP = Pattern.compile("its cap (" + NUMBER + ")(?![0-9.%])");

  private static final Set<String> CURRENCIES =
      Currency.getAvailableCurrencies().stream()
          .map(Currency::getCurrencyCode)
          .collect(Collectors.toUnmodifiableSet());

  private HumanFormat() {}

  /**
   * Returns {@code money} for people: US dollars as {@code $12,345.67} ({@code -$5.00} when
   * negative), another currency as its code and the grouped amount ({@code EUR 1,000.00}).
   *
   * @param money the amount to show, in any currency
   * @return the amount with its currency symbol or code and grouped thousands
   */
  public static String money(Money money) {
    Checks.notNull(money, "money");
    return amount(money.currency().getCurrencyCode(), money.amount());
  }

  /**
   * Returns a unit price for people, with at least the currency's decimals and no trailing zeros
   * beyond them: {@code 48.780000} is {@code $48.78}, {@code 0.123400} is {@code $0.1234}.
   *
   * @param price the price of one unit of a security
   * @return the price with its currency symbol or code and grouped thousands
   */
  public static String price(UnitPrice price) {
    Checks.notNull(price, "price");
    BigDecimal v = price.amount().stripTrailingZeros();
    return amount(price.currency().getCurrencyCode(), v.scale() < 0 ? v.setScale(0) : v);
  }

  /**
   * Returns the weight as a percentage with one decimal, rounded half-even: {@code 0.1917078737} is
   * {@code 19.2%}, {@code 0.05} is {@code 5.0%}.
   *
   * @param weight a fraction ({@code 0.25} is 25%), such as a target weight, a band or a drift
   * @return the weight in percent with one decimal and a {@code %} sign
   */
  public static String percent(Weight weight) {
    Checks.notNull(weight, "weight");
    return percent(weight.value());
  }

  /**
   * Returns a fraction as a percentage with one decimal, rounded half-even ({@code 0.25} is {@code
   * 25.0%}), with grouped thousands for large ratios.
   *
   * @param fraction a ratio, {@code 1} being one hundred percent; may be negative or above one
   * @return the ratio in percent with one decimal and a {@code %} sign
   */
  public static String percent(BigDecimal fraction) {
    Checks.notNull(fraction, "fraction");
    return grouped(fraction.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN)) + "%";
  }

  /**
   * Returns the quantity with grouped thousands and without trailing zeros: {@code 1250.500000} is
   * {@code 1,250.5}, {@code 10.000000} is {@code 10}.
   *
   * @param quantity a number of units (shares) of a security
   * @return the number with grouped thousands and only the decimals it needs
   */
  public static String quantity(Quantity quantity) {
    Checks.notNull(quantity, "quantity");
    BigDecimal v = quantity.value().stripTrailingZeros();
    return grouped(v.scale() < 0 ? v.setScale(0) : v);
  }

  /**
   * Returns {@code message} with the figures it holds formatted for people; the rest of the text is
   * left as it is. Recognized are: an amount written as a currency code and a number ({@code USD
   * 12345.6} is {@code $12,345.60}, and a bare limit after it, as in {@code USD 900 above 500},
   * becomes an amount too); a weight against its target and band ({@code 0.19 vs 0.4 +/- 0.05} is
   * {@code 19.0% vs 40.0% ± 5.0%}); a concentration shift and a cap stated as weights. Any other
   * number is left as written, so a message a custom rule words differently stays correct, only
   * less polished.
   *
   * @param message a finding's message as a rule wrote it, with plain figures
   * @return the message with the recognized figures in their forms for people
   */
  public static String text(String message) {
    Checks.notNull(message, "message");
    String s =
        replace(
            AMOUNT,
            message,
            m ->
                CURRENCIES.contains(m.group(1))
                    ? amount(m.group(1), new BigDecimal(m.group(2)))
                    : m.group());
    s =
        replace(
            AMOUNT_ABOVE,
            s,
            m ->
                m.group(1)
                    + " "
                    + m.group(2)
                    + " "
                    + (m.group(1).startsWith("$")
                        ? amount("USD", new BigDecimal(m.group(3)))
                        : m.group(1).substring(0, 3) + " " + grouped(new BigDecimal(m.group(3)))));
    s =
        replace(
            BAND,
            s,
            m ->
                percent(new BigDecimal(m.group(1)))
                    + " vs "
                    + percent(new BigDecimal(m.group(2)))
                    + " \u00b1 "
                    + percent(new BigDecimal(m.group(3))));
    s =
        replace(
            SHIFT,
            s,
            m ->
                "concentration shifts by "
                    + percent(new BigDecimal(m.group(1)))
                    + ", above "
                    + percent(new BigDecimal(m.group(2))));
    return replace(CAP, s, m -> "its cap " + percent(new BigDecimal(m.group(1))));
  }

  private static String replace(
      Pattern p, String s, java.util.function.Function<Matcher, String> by) {
    Matcher m = p.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(by.apply(m)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String amount(String currency, BigDecimal amount) {
    BigDecimal a = amount;
    if (CURRENCIES.contains(currency)) {
      int digits = Currency.getInstance(currency).getDefaultFractionDigits();
      if (digits >= 0 && a.scale() < digits) {
        a = a.setScale(digits);
      }
    }
    String sign = a.signum() < 0 ? "-" : "";
    String body = grouped(a.abs());
    return "USD".equals(currency) ? sign + "$" + body : currency + " " + sign + body;
  }

  /** Returns the plain decimal with {@code ,} between groups of three integer digits. */
  static String grouped(BigDecimal value) {
    String plain = value.toPlainString();
    int start = plain.startsWith("-") ? 1 : 0;
    int dot = plain.indexOf('.');
    int end = dot < 0 ? plain.length() : dot;
    StringBuilder sb = new StringBuilder(plain.length() + 8).append(plain, 0, start);
    for (int i = start; i < end; i++) {
      if (i > start && (end - i) % 3 == 0) {
        sb.append(',');
      }
      sb.append(plain.charAt(i));
    }
    return sb.append(plain, end, plain.length()).toString();
  }
}
