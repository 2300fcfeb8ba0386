/**
 * Streaming JSON reading and writing of a book: its as-of date, its market data and any number of
 * households, read and written one household at a time.
 *
 * <h2>Format</h2>
 *
 * <p>One JSON document, UTF-8, optionally gzipped (detected on read):
 *
 * <pre>{@code
 * {"format":"rebal-book","version":1,"asOf":"2026-06-30",
 * "marketData":{"securities":[...],"prices":[...],"volumes":[...]},
 * "households":[
 * {"id":"HH-000000", ...},
 * {"id":"HH-000001", ...}
 * ]}
 * }</pre>
 *
 * <p>The header fields come in that order, before {@code households}, so a reader knows the as-of
 * date and market data before the first household; each household is on its own line. Amounts in
 * US dollars are plain JSON numbers at cent scale ({@code 1234.50}); an amount in another currency
 * is an object {@code {"currency":"EUR","amount":1.00}}. Quantities, prices and weights are plain
 * numbers without trailing zeros; weights are fractions ({@code 0.35} is 35%). Dates are ISO-8601
 * ({@code 2026-06-30}). Enums are written by name. Optional values are omitted when empty. Every
 * field is written, defaults included, in a fixed order, so the same book gives the same bytes.
 * Restrictions carry a {@code "kind"} discriminator: the value of {@link
 * dev.rebal.core.restriction.Restriction#kind()}.
 *
 * <h2>Errors</h2>
 *
 * <p>Malformed JSON, an unknown or missing field in the header or market data, or a broken
 * structure throws {@link dev.rebal.json.BookFormatException} with the line, column and JSON path.
 * A household that is well-formed JSON but cannot be built (an unknown field, a missing field, an
 * amount with more decimals than its scale) becomes a {@link dev.rebal.json.ReadFailure} naming the
 * household and path, and reading goes on with the next household.
 */
package dev.rebal.json;
