package dev.rebal.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.money.Weight;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A JSON object being mapped: typed field accessors that name the path of a bad field, and a check
 * that every field was used (so unknown fields are errors).
 *
 * <p>Paths are built only when an error names one: an object knows its parent and its field (and
 * its index in an array), and a field's path is made from them on failure. A book holds hundreds of
 * thousands of fields, so building every path up front cost more than the mapping itself.
 */
final class Obj {
  private final JsonNode node;
  private final Obj parent;
  private final String name;
  private final int index;
  private final List<String> used = new ArrayList<>(8);
  private String path;

  private Obj(JsonNode node, Obj parent, String name, int index) {
    this.node = node;
    this.parent = parent;
    this.name = name;
    this.index = index;
  }

  static Obj of(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new MappingException(path, "must be an object, was " + describe(node));
    }
    Obj o = new Obj(node, null, path, -1);
    o.path = path;
    return o;
  }

  /** Returns the object in field {@code field}, which is required. */
  Obj object(String field) {
    return child(required(field), field, -1);
  }

  private Obj child(JsonNode n, String field, int i) {
    Obj o = new Obj(n, this, field, i);
    if (n == null || !n.isObject()) {
      throw new MappingException(o.path(), "must be an object, was " + describe(n));
    }
    return o;
  }

  String path() {
    String p = path;
    if (p == null) {
      p = index < 0 ? parent.at(name) : parent.at(name) + "[" + index + "]";
      path = p;
    }
    return p;
  }

  String at(String field) {
    return path() + "." + field;
  }

  boolean has(String field) {
    JsonNode n = node.get(field);
    return n != null && !n.isNull();
  }

  JsonNode required(String field) {
    used.add(field);
    JsonNode n = node.get(field);
    if (n == null || n.isNull()) {
      throw new MappingException(at(field), "is required");
    }
    return n;
  }

  Optional<JsonNode> optional(String field) {
    used.add(field);
    JsonNode n = node.get(field);
    return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
  }

  String text(String field) {
    return text(required(field), () -> at(field));
  }

  static String text(JsonNode n, String path) {
    return text(n, () -> path);
  }

  private static String text(JsonNode n, Supplier<String> path) {
    if (!n.isTextual()) {
      throw new MappingException(path.get(), "must be a string, was " + describe(n));
    }
    return n.textValue();
  }

  Optional<String> optionalText(String field) {
    return optional(field).map(n -> text(n, () -> at(field)));
  }

  boolean bool(String field) {
    JsonNode n = required(field);
    if (!n.isBoolean()) {
      throw new MappingException(at(field), "must be true or false, was " + describe(n));
    }
    return n.booleanValue();
  }

  Optional<Boolean> optionalBool(String field) {
    return optional(field)
        .map(
            n -> {
              if (!n.isBoolean()) {
                throw new MappingException(at(field), "must be true or false, was " + describe(n));
              }
              return n.booleanValue();
            });
  }

  Optional<Long> optionalLong(String field) {
    return optional(field)
        .map(
            n -> {
              if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                throw new MappingException(at(field), "must be an integer, was " + describe(n));
              }
              return n.longValue();
            });
  }

  Optional<Quantity> optionalQuantity(String field) {
    return optional(field)
        .map(
            n -> {
              BigDecimal v = decimal(n, () -> at(field));
              return convert(field, () -> Quantity.of(v));
            });
  }

  int integer(String field) {
    JsonNode n = required(field);
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw new MappingException(at(field), "must be an integer, was " + describe(n));
    }
    return n.intValue();
  }

  BigDecimal decimal(String field) {
    return decimal(required(field), () -> at(field));
  }

  private static BigDecimal decimal(JsonNode n, Supplier<String> path) {
    if (!n.isNumber()) {
      throw new MappingException(path.get(), "must be a number, was " + describe(n));
    }
    BigDecimal v = n.decimalValue();
    try {
      // bounded where it enters: an exponent such as 1e999999999 never reaches arithmetic
      return Checks.bounded(v, Checks.MAX_INTEGER_DIGITS, "number");
    } catch (IllegalArgumentException e) {
      throw new MappingException(path.get(), e.getMessage().substring("number: ".length()));
    }
  }

  LocalDate date(String field) {
    return date(required(field), () -> at(field));
  }

  Optional<LocalDate> optionalDate(String field) {
    return optional(field).map(n -> date(n, () -> at(field)));
  }

  static LocalDate date(JsonNode n, String path) {
    return date(n, () -> path);
  }

  private static LocalDate date(JsonNode n, Supplier<String> path) {
    String s = text(n, path);
    try {
      return IsoDates.parse(s);
    } catch (DateTimeException e) {
      throw new MappingException(path.get(), "must be an ISO date (yyyy-mm-dd), was '" + s + "'");
    }
  }

  <E extends Enum<E>> E enumValue(String field, Class<E> type) {
    return enumValue(required(field), () -> at(field), type);
  }

  static <E extends Enum<E>> E enumValue(JsonNode n, String path, Class<E> type) {
    return enumValue(n, () -> path, type);
  }

  private static <E extends Enum<E>> E enumValue(JsonNode n, Supplier<String> path, Class<E> type) {
    String s = text(n, path);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(s)) {
        return e;
      }
    }
    throw new MappingException(
        path.get(), "must be one of " + List.of(type.getEnumConstants()) + ", was '" + s + "'");
  }

  Money money(String field) {
    JsonNode n = required(field);
    if (n.isObject()) {
      Obj o = child(n, field, -1);
      String code = o.text("currency");
      BigDecimal amount = o.decimal("amount");
      o.end();
      Currency currency;
      try {
        currency = Currency.getInstance(code);
      } catch (IllegalArgumentException e) {
        throw new MappingException(
            o.at("currency"), "must be an ISO 4217 code, was '" + code + "'");
      }
      return o.convert("amount", () -> Money.of(currency, amount));
    }
    BigDecimal amount = decimal(n, () -> at(field));
    return convert(field, () -> Money.usd(amount));
  }

  Optional<Money> optionalMoney(String field) {
    if (!has(field)) {
      used.add(field);
      return Optional.empty();
    }
    return Optional.of(money(field));
  }

  Quantity quantity(String field) {
    BigDecimal v = decimal(field);
    return convert(field, () -> Quantity.of(v));
  }

  static Quantity quantity(JsonNode n, String path) {
    BigDecimal v = decimal(n, () -> path);
    return convert(() -> path, () -> Quantity.of(v));
  }

  Weight weight(String field) {
    BigDecimal v = decimal(field);
    return convert(field, () -> Weight.of(v));
  }

  Optional<Weight> optionalWeight(String field) {
    return optional(field)
        .map(
            n -> {
              BigDecimal v = decimal(n, () -> at(field));
              return convert(field, () -> Weight.of(v));
            });
  }

  UnitPrice unitPrice(String field) {
    JsonNode n = required(field);
    if (n.isObject()) {
      Obj o = child(n, field, -1);
      String code = o.text("currency");
      BigDecimal amount = o.decimal("amount");
      o.end();
      return o.convert("amount", () -> UnitPrice.of(Currency.getInstance(code), amount));
    }
    BigDecimal amount = decimal(n, () -> at(field));
    return convert(field, () -> UnitPrice.of(Money.USD, amount));
  }

  /** Returns the elements of an array field as objects; a missing field is an error. */
  List<Obj> objects(String field) {
    List<JsonNode> nodes = array(field);
    List<Obj> out = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      out.add(child(nodes.get(i), field, i));
    }
    return out;
  }

  List<String> texts(String field) {
    List<JsonNode> nodes = array(field);
    List<String> out = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      int at = i;
      out.add(text(nodes.get(i), () -> at(field) + "[" + at + "]"));
    }
    return out;
  }

  List<JsonNode> array(String field) {
    JsonNode n = required(field);
    if (!n.isArray()) {
      throw new MappingException(at(field), "must be an array, was " + describe(n));
    }
    List<JsonNode> out = new ArrayList<>(n.size());
    n.forEach(out::add);
    return out;
  }

  /** Returns the field names of this object, in document order (for map-like objects). */
  List<String> fieldNames() {
    List<String> out = new ArrayList<>();
    Iterator<String> it = node.fieldNames();
    it.forEachRemaining(out::add);
    return out;
  }

  /** Throws if the object has a field that was not read. */
  void end() {
    Iterator<String> it = node.fieldNames();
    while (it.hasNext()) {
      String f = it.next();
      if (!used.contains(f)) {
        throw new MappingException(at(f), "unknown field");
      }
    }
  }

  /** Runs {@code build}, turning a rejected value into an error at this object's path. */
  <T> T build(Supplier<T> build) {
    return convert(this::path, build);
  }

  /** Runs {@code build}, turning a rejected value into an error at field {@code field}. */
  private <T> T convert(String field, Supplier<T> build) {
    return convert(() -> at(field), build);
  }

  private static <T> T convert(Supplier<String> path, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new MappingException(path.get(), e.getMessage());
    }
  }

  static String describe(JsonNode n) {
    if (n == null || n.isNull()) {
      return "null";
    }
    String s = n.toString();
    return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + (s.length() > 40 ? s.substring(0, 40) + "..." : s);
  }
}
