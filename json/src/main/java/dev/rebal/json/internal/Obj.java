package dev.rebal.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.money.Weight;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A JSON object being mapped: typed field accessors that name the path of a bad field, and a check
 * that every field was used (so unknown fields are errors).
 */
final class Obj {
  private final JsonNode node;
  private final String path;
  private final Set<String> used = new LinkedHashSet<>();

  private Obj(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  static Obj of(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new MappingException(path, "must be an object, was " + describe(node));
    }
    return new Obj(node, path);
  }

  String path() {
    return path;
  }

  String at(String field) {
    return path + "." + field;
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
    return text(required(field), at(field));
  }

  static String text(JsonNode n, String path) {
    if (!n.isTextual()) {
      throw new MappingException(path, "must be a string, was " + describe(n));
    }
    return n.textValue();
  }

  Optional<String> optionalText(String field) {
    return optional(field).map(n -> text(n, at(field)));
  }

  boolean bool(String field) {
    JsonNode n = required(field);
    if (!n.isBoolean()) {
      throw new MappingException(at(field), "must be true or false, was " + describe(n));
    }
    return n.booleanValue();
  }

  int integer(String field) {
    JsonNode n = required(field);
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw new MappingException(at(field), "must be an integer, was " + describe(n));
    }
    return n.intValue();
  }

  BigDecimal decimal(String field) {
    return decimal(required(field), at(field));
  }

  static BigDecimal decimal(JsonNode n, String path) {
    if (!n.isNumber()) {
      throw new MappingException(path, "must be a number, was " + describe(n));
    }
    return n.decimalValue();
  }

  LocalDate date(String field) {
    return date(required(field), at(field));
  }

  Optional<LocalDate> optionalDate(String field) {
    return optional(field).map(n -> date(n, at(field)));
  }

  static LocalDate date(JsonNode n, String path) {
    String s = text(n, path);
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new MappingException(path, "must be an ISO date (yyyy-mm-dd), was '" + s + "'");
    }
  }

  <E extends Enum<E>> E enumValue(String field, Class<E> type) {
    return enumValue(required(field), at(field), type);
  }

  static <E extends Enum<E>> E enumValue(JsonNode n, String path, Class<E> type) {
    String s = text(n, path);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(s)) {
        return e;
      }
    }
    throw new MappingException(path, "must be one of " + List.of(type.getEnumConstants())
        + ", was '" + s + "'");
  }

  Money money(String field) {
    return money(required(field), at(field));
  }

  Optional<Money> optionalMoney(String field) {
    return optional(field).map(n -> money(n, at(field)));
  }

  static Money money(JsonNode n, String path) {
    if (n.isObject()) {
      Obj o = Obj.of(n, path);
      String code = o.text("currency");
      BigDecimal amount = o.decimal("amount");
      o.end();
      Currency currency;
      try {
        currency = Currency.getInstance(code);
      } catch (IllegalArgumentException e) {
        throw new MappingException(o.at("currency"), "must be an ISO 4217 code, was '" + code + "'");
      }
      return convert(o.at("amount"), () -> Money.of(currency, amount));
    }
    BigDecimal amount = decimal(n, path);
    return convert(path, () -> Money.usd(amount));
  }

  Quantity quantity(String field) {
    BigDecimal v = decimal(field);
    return convert(at(field), () -> Quantity.of(v));
  }

  static Quantity quantity(JsonNode n, String path) {
    BigDecimal v = decimal(n, path);
    return convert(path, () -> Quantity.of(v));
  }

  Weight weight(String field) {
    BigDecimal v = decimal(field);
    return convert(at(field), () -> Weight.of(v));
  }

  Optional<Weight> optionalWeight(String field) {
    return optional(field).map(n -> {
      BigDecimal v = decimal(n, at(field));
      return convert(at(field), () -> Weight.of(v));
    });
  }

  UnitPrice unitPrice(String field) {
    JsonNode n = required(field);
    if (n.isObject()) {
      Obj o = Obj.of(n, at(field));
      String code = o.text("currency");
      BigDecimal amount = o.decimal("amount");
      o.end();
      return convert(o.at("amount"), () -> UnitPrice.of(Currency.getInstance(code), amount));
    }
    BigDecimal amount = decimal(n, at(field));
    return convert(at(field), () -> UnitPrice.of(Money.USD, amount));
  }

  /** Returns the elements of an array field as objects; a missing field is an error. */
  List<Obj> objects(String field) {
    List<Obj> out = new ArrayList<>();
    int i = 0;
    for (JsonNode n : array(field)) {
      out.add(Obj.of(n, at(field) + "[" + i++ + "]"));
    }
    return out;
  }

  List<String> texts(String field) {
    List<String> out = new ArrayList<>();
    int i = 0;
    for (JsonNode n : array(field)) {
      out.add(text(n, at(field) + "[" + i++ + "]"));
    }
    return out;
  }

  List<JsonNode> array(String field) {
    JsonNode n = required(field);
    if (!n.isArray()) {
      throw new MappingException(at(field), "must be an array, was " + describe(n));
    }
    List<JsonNode> out = new ArrayList<>();
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
    return convert(path, build);
  }

  static <T> T convert(String path, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new MappingException(path, e.getMessage());
    }
  }

  static String describe(JsonNode n) {
    if (n == null || n.isNull()) {
      return "null";
    }
    String s = n.toString();
    return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
        + (s.length() > 40 ? s.substring(0, 40) + "..." : s);
  }
}
